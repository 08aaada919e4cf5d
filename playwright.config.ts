import { defineConfig } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3210);
const simulatorPort = Number(process.env.E2E_SIMULATOR_PORT ?? 3299);
// Each run starts from an empty data directory, so the simulator's demo users are created fresh.
// Set in the runner's environment, so the workers (which read this file again) find the same directory.
const dataDir = (process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "mm-e2e-")));
// The server's log of this run, which the secrets test reads (e2e/helpers.ts SERVER_LOG).
const serverLog = "test-results/e2e-server.log";
// Playwright reads this file again in its worker, after the server has opened the log: only the runner clears it.
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(serverLog, { force: true });

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node dist/server/index.js",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SIMULATOR_PORT: String(simulatorPort),
      // A still world: the tests make the changes they look for.
      SIMULATOR_TICK_MS: "0",
      MEETINGS_POLL_MS: "1000",
      // The wall turns stale (with its banner) within seconds of Huawei not answering.
      STALE_AFTER_MS: "5000",
      // A meeting a test hands its host password through /__sim is retried within seconds, not a minute.
      UNAVAILABLE_RETRY_MS: "3000",
      UPSTREAM_CACHE_MS: "500",
      // Quality read often, so a person turned bad shows within seconds.
      QUALITY_POLL_MS: "3000",
      QUALITY_LIVE_POLL_MS: "2000",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every line, down to each upstream call, so the secrets test reads all the server says.
      LOG_LEVEL: "debug",
      LOG_FILE: serverLog,
    },
  },
});
