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

/** One JSON line per event on stdout, with the request id of the work under way; LOG_LEVEL=debug shows every upstream call. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: undefined,
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  mixin: () => {
    const context = currentContext();
    return context ? { reqId: context.requestId } : {};
  },
});
