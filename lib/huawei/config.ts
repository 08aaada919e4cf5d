import { ConfigError } from "@/lib/config-error";
import { envInt } from "@/lib/env-number";

export const DEFAULT_HUAWEI_BASE = "https://api.meeting.huaweicloud.com";

export type HuaweiAuthConfig =
  | { kind: "appId"; appId: string; appKey: string; userId: string }
  | { kind: "account"; account: string; password: string };

export interface HuaweiClientConfig {
  baseUrl: string;
  auth: HuaweiAuthConfig;
  /** Per-attempt timeout of one HTTP call. */
  timeoutMs: number;
  /** Retries after the first attempt for 429, 5xx and network errors. */
  maxRetries: number;
  /** Ceiling on upstream calls per second, shared by every viewer of this process. */
  requestsPerSecond: number;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Tokens travel in headers, so plain http is allowed only where nothing leaves the machine. */
export function validateBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`HUAWEI_MEETING_API_BASE is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new ConfigError(
      `HUAWEI_MEETING_API_BASE must use https (plain http is allowed only for loopback hosts): "${raw}"`,
    );
  }
  return url.origin;
}

export function tuningFromEnv(env: NodeJS.ProcessEnv) {
  return {
    timeoutMs: envInt(env, "HUAWEI_TIMEOUT_MS", 10_000),
    maxRetries: envInt(env, "HUAWEI_MAX_ATTEMPTS", 3) - 1,
    requestsPerSecond: envInt(env, "HUAWEI_MAX_RPS", 20),
  };
}

/**
 * Reads the Huawei settings from the environment. Returns null when no credentials are set at
 * all (the server then runs on its simulator); throws ConfigError on a half-done configuration.
 */
export function huaweiConfigFromEnv(env: NodeJS.ProcessEnv): HuaweiClientConfig | null {
  const { HUAWEI_APP_ID: appId, HUAWEI_APP_KEY: appKey, HUAWEI_ACCOUNT: account, HUAWEI_PASSWORD: password } = env;
  if (!appId && !appKey && !account && !password) return null;
  const baseUrl = validateBaseUrl(env.HUAWEI_MEETING_API_BASE || DEFAULT_HUAWEI_BASE);
  let auth: HuaweiAuthConfig;
  if (appId || appKey) {
    if (!appId) throw new ConfigError("HUAWEI_APP_KEY is set but HUAWEI_APP_ID is missing");
    if (!appKey) throw new ConfigError("HUAWEI_APP_ID is set but HUAWEI_APP_KEY is missing");
    auth = { kind: "appId", appId, appKey, userId: env.HUAWEI_USER_ID ?? "" };
  } else {
    if (!account) throw new ConfigError("HUAWEI_PASSWORD is set but HUAWEI_ACCOUNT is missing");
    if (!password) throw new ConfigError("HUAWEI_ACCOUNT is set but HUAWEI_PASSWORD is missing");
    auth = { kind: "account", account, password };
  }
  return { baseUrl, auth, ...tuningFromEnv(env) };
}
