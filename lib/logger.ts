import pino from "pino";
import { currentContext } from "./request-context";

/**
 * Secrets that must never reach a log line, wherever they sit in a logged object: Huawei's
 * tokens and keys, chair passwords, session cookies. The paths cover the objects this code logs.
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "chairPassword",
  "*.chairPassword",
  "token",
  "*.token",
  "confToken",
  "*.confToken",
  "wsToken",
  "*.wsToken",
  "accessToken",
  "*.accessToken",
  "appKey",
  "*.appKey",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  "headers['x-access-token']",
  "req.headers.authorization",
  "req.headers.cookie",
];

/**
 * One JSON line per event, with the request id of the work under way, on stdout (or in LOG_FILE);
 * LOG_LEVEL=debug shows every upstream call.
 */
function createLogger() {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin: () => {
        const context = currentContext();
        return context ? { reqId: context.requestId } : {};
      },
    },
    process.env.LOG_FILE ? pino.destination({ dest: process.env.LOG_FILE, mkdir: true, sync: true }) : undefined,
  );
}

// Route handlers are bundled apart from the server's modules: one logger (one file handle) for both.
const KEY = Symbol.for("meeting-monitor.logger");
type Holder = { [KEY]?: ReturnType<typeof createLogger> };
export const logger = ((globalThis as Holder)[KEY] ??= createLogger());
