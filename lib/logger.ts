import pino from "pino";

/** One JSON line per event on stdout; LOG_LEVEL=debug shows every upstream call. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: undefined,
  redact: ["password", "*.password", "headers.authorization", "headers['x-access-token']"],
});
