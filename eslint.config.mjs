import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Code that holds or reaches credentials, tokens and upstream state: the server's, never the browser's. */
const SERVER_ONLY_LIB = [
  "./lib/huawei",
  "./lib/meetings",
  "./lib/people",
  "./lib/quality",
  "./lib/history",
  "./lib/cache",
  "./lib/api",
  "./lib/services.ts",
  "./lib/logger.ts",
  "./lib/metrics.ts",
  "./lib/request-context.ts",
  "./lib/live/meeting-watcher.ts",
  "./lib/live/host-passwords.ts",
  "./lib/live/live-meeting-state.ts",
  "./lib/auth/session.ts",
  "./lib/auth/users.ts",
  "./lib/auth/password.ts",
  "./lib/auth/json-import.ts",
  "./lib/store",
  "./lib/auth/displays.ts",
  "./lib/auth/display-seen.ts",
  "./lib/auth/revoked-sessions.ts",
  "./lib/auth/login-throttle.ts",
  "./lib/auth/failure-throttle.ts",
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // The module boundaries of design.md, enforced: shared code never reaches into the server,
    // browser code never into what holds secrets, and no import cycles.
    files: ["**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "tests/**", "e2e/**", "bench/**"],
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // No SQL outside lib/store: the database drivers and the query builder are imported there alone.
      "no-restricted-imports": [
        "error",
        { paths: ["kysely", "pg", "better-sqlite3"].map((name) => ({ name, message: "SQL lives in lib/store: add a table module there." })) },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./server", message: "lib is shared by the pages and the server: it may not import the server's code." },
            { target: "./components", from: "./server", message: "Components run in the browser: no server code." },
            ...SERVER_ONLY_LIB.flatMap((from) => [
              { target: "./components", from, message: "Components run in the browser: nothing that holds credentials or upstream state." },
              { target: "./lib/client", from, message: "lib/client runs in the browser: nothing that holds credentials or upstream state." },
            ]),
            { target: "./lib/domain", from: ["./lib/client", "./components", "./app"], message: "Domain schemas and mappers are pure: they import neither the browser's code nor pages." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/store/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores(["dist/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"]),
]);
