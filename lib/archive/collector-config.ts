import { ConfigError } from "@/lib/config-error";
import { envInt } from "@/lib/env-number";
import { DEFAULT_COLLECTOR_OPTIONS, type CollectorOptions } from "./archive-collector";

/** Whether this instance may collect (ARCHIVE_COLLECT=off keeps it out of the running, e.g. a read-only instance). */
export function collectingFromEnv(env: NodeJS.ProcessEnv): boolean {
  const raw = (env.ARCHIVE_COLLECT ?? "on").trim().toLowerCase();
  if (raw === "on" || raw === "") return true;
  if (raw === "off") return false;
  throw new ConfigError(`ARCHIVE_COLLECT must be on or off, got "${env.ARCHIVE_COLLECT}"`);
}

/** ARCHIVE_INTERVAL_MS, ARCHIVE_RETENTION_DAYS (unset: keep), ARCHIVE_BACKFILL_DAYS, ARCHIVE_SETTLE_MS, ARCHIVE_CONCURRENCY. */
export function collectorOptionsFromEnv(env: NodeJS.ProcessEnv): CollectorOptions {
  const d = DEFAULT_COLLECTOR_OPTIONS;
  return {
    ...d,
    intervalMs: envInt(env, "ARCHIVE_INTERVAL_MS", d.intervalMs),
    retentionDays: env.ARCHIVE_RETENTION_DAYS ? envInt(env, "ARCHIVE_RETENTION_DAYS", 1) : null,
    backfillDays: envInt(env, "ARCHIVE_BACKFILL_DAYS", d.backfillDays),
    settleMs: envInt(env, "ARCHIVE_SETTLE_MS", d.settleMs),
    concurrency: envInt(env, "ARCHIVE_CONCURRENCY", d.concurrency),
  };
}
