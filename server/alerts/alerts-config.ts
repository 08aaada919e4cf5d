import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { ConfigError } from "@/lib/config-error";
import { envInt } from "@/lib/env-number";
import type { Services } from "@/lib/services";
import type { SharedWallFeed } from "../relay/shared-wall-feed";
import { AlertsJob } from "./alerts-job";

/** Alerting's settings (README: "Alerts"); null with ALERTS=off, for an instance that must never send. */
export function alertsJobFromEnv(env: NodeJS.ProcessEnv, services: Services, wallFeed: SharedWallFeed, listenUrl: string): AlertsJob | null {
  if ((env.ALERTS ?? "on") === "off") return null;
  const publicUrl = (env.PUBLIC_URL?.trim() || listenUrl).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) URL, got "${env.PUBLIC_URL}"`);
  const allowPrivate = env.ALERT_ALLOW_PRIVATE_NETWORKS ?? "off";
  if (allowPrivate !== "on" && allowPrivate !== "off") throw new ConfigError(`ALERT_ALLOW_PRIVATE_NETWORKS must be on or off, got "${allowPrivate}"`);
  return new AlertsJob(services.store, services.alerts, wallFeed, `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`, {
    tickMs: envInt(env, "ALERT_TICK_MS", 1_000),
    leaseTtlMs: envInt(env, "ALERT_LEASE_TTL_MS", 15_000),
    retentionMs: envInt(env, "ALERT_RETENTION_DAYS", 90) * 86_400_000,
    maxAttempts: envInt(env, "ALERT_MAX_ATTEMPTS", 10),
    retryBaseMs: envInt(env, "ALERT_RETRY_BASE_MS", 5_000),
    rateLimitWaitMs: envInt(env, "ALERT_RATE_LIMIT_WAIT_MS", 60_000),
    limits: { timeoutMs: envInt(env, "ALERT_SEND_TIMEOUT_MS", 10_000), maxAnswerBytes: 64 * 1024 },
    policy: { allowPrivate: allowPrivate === "on" },
    sealKey: process.env.SESSION_SECRET!,
    publicUrl,
  });
}
