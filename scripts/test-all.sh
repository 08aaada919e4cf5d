#!/usr/bin/env bash
# `npm test`: every check and test runner, ending with one line "N passed, N failed".
# Installs what a fresh Debian machine lacks (npm packages, Debian's Chromium, CJK fonts).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json
status=0

step() { printf '\n== %s\n' "$*"; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm install"
  npm install --no-audit --no-fund || exit 1
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  step "installing Debian's chromium and CJK fonts"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null || exit 1
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium fonts-noto-cjk' and try again" >&2
    exit 1
  fi
fi

# The scale-out tests use a real Redis on 127.0.0.1:6379; start the machine's own if it is down.
if ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1); then
  if command -v redis-server >/dev/null; then
    step "starting redis-server on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  else
    echo "Redis is not running on 127.0.0.1:6379 and redis-server is not installed: the scale-out test will fail" >&2
  fi
fi

# The store's tests use a real PostgreSQL on 127.0.0.1:5432 (user postgres, trust); start the machine's own if it is down.
if ! (command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432); then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    step "starting PostgreSQL on 127.0.0.1:5432"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -1)" main start || true
  else
    echo "PostgreSQL is not running on 127.0.0.1:5432 and is not installed: the store's tests will fail" >&2
  fi
fi

step "lint"
npm run --silent lint || { echo "lint: FAILED"; status=1; }
step "typecheck"
npm run --silent typecheck || { echo "typecheck: FAILED"; status=1; }

step "build"
if npm run --silent build; then
  step "unit and integration tests (vitest)"
  npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json || status=1
  step "end-to-end tests (playwright, chromium)"
  npx playwright test || status=1
else
  echo "build: FAILED (integration and end-to-end tests need a build)"
  status=1
fi

node scripts/summarize-tests.mjs || status=1
exit $status
