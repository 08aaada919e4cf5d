import { readFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "@/lib/config-error";
import { envInt } from "@/lib/env-number";
import { MemoryDisplaySeen, RedisDisplaySeen } from "@/lib/auth/display-seen";
import { DisplayStore } from "@/lib/auth/displays";
import { LoginThrottle } from "@/lib/auth/login-throttle";
import { importJsonFiles } from "@/lib/auth/json-import";
import { RevokedSessions } from "@/lib/auth/revoked-sessions";
import { UserStore } from "@/lib/auth/users";
import { AlertsService } from "@/lib/alerts/alerts-service";
import { ArchiveCollector } from "@/lib/archive/archive-collector";
import { collectorOptionsFromEnv } from "@/lib/archive/collector-config";
import { HuaweiEvents } from "@/lib/archive/huawei-events";
import { HistoryService } from "@/lib/history/history-service";
import { ReportsService } from "@/lib/reports/reports-service";
import { ReplayService } from "@/lib/replay/replay-service";
import { HuaweiClient } from "@/lib/huawei/client";
import { huaweiConfigFromEnv, tuningFromEnv, type HuaweiClientConfig } from "@/lib/huawei/config";
import { logger } from "@/lib/logger";
import { MemoryHostPasswords, RedisHostPasswords } from "@/lib/live/host-passwords";
import { HostPasswordService } from "@/lib/meetings/host-password-service";
import { PresentPeople } from "@/lib/people/present-people";
import { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { MeetingHealthService } from "@/lib/quality/meeting-health";
import { ParticipantSeries } from "@/lib/quality/participant-series";
import { MeetingsService } from "@/lib/meetings/meetings-service";
import type { Services } from "@/lib/services";
import { Store } from "@/lib/store/store";
import { bootstrapUsers } from "./bootstrap-users";
import { connectRedis, type SharedRedis } from "./redis";
import { ensureSessionSecret } from "./session-secret";
import { SIMULATOR_APP_AUTH, startSimulator, type Simulator } from "./simulator/server";

export interface Started {
  services: Services;
  simulator?: Simulator;
  redis?: SharedRedis;
}

/**
 * Everything the process shares: settles configuration (or starts the simulator when no Huawei
 * credentials are set), the session secret and the users, then the Huawei client and services.
 */
export async function createServices(env: NodeJS.ProcessEnv): Promise<Started> {
  const dataDir = path.resolve(env.DATA_DIR || "./data");
  let config: HuaweiClientConfig | null = huaweiConfigFromEnv(env);
  let simulator: Simulator | undefined;
  if (!config) {
    simulator = await startSimulator({
      port: env.SIMULATOR_PORT ? Number(env.SIMULATOR_PORT) : 0,
      seed: env.SIMULATOR_SEED ? Number(env.SIMULATOR_SEED) : undefined,
      tickMs: env.SIMULATOR_TICK_MS === undefined ? undefined : Number(env.SIMULATOR_TICK_MS),
    });
    config = {
      baseUrl: simulator.url,
      auth: SIMULATOR_APP_AUTH,
      ...tuningFromEnv(env),
    };
    logger.info({ url: simulator.url }, "no Huawei credentials set: serving the built-in simulator's data");
  }
  const sessionSecret = await ensureSessionSecret(env, dataDir);
  process.env.SESSION_SECRET = sessionSecret;
  const store = await Store.fromEnv(env, dataDir);
  await importJsonFiles(store, dataDir).catch((error: unknown) => {
    throw new ConfigError((error as Error).message);
  });
  store.monitor();
  const users = new UserStore(store);
  const demoLogins = await bootstrapUsers(users, { adminPassword: env.DASHBOARD_ADMIN_PASSWORD, simulated: Boolean(simulator) });
  const huawei = new HuaweiClient(config);
  const redis = await connectRedis(env);
  const hostPasswords = redis ? new RedisHostPasswords(redis.client, redis.prefix, sessionSecret) : new MemoryHostPasswords();
  const quality = new HuaweiQualityApi(huawei);
  const qualityOn = (env.QUALITY ?? "on") !== "off";
  const archive = new ArchiveCollector(store, huawei, collectorOptionsFromEnv(env), qualityOn ? quality : undefined);
  const health = new MeetingHealthService(quality, {
    enabled: qualityOn,
    pollMs: envInt(env, "QUALITY_POLL_MS", 30_000),
    refusedRetryMs: envInt(env, "QUALITY_REFUSED_RETRY_MS", 600_000),
    countPerPoll: envInt(env, "QUALITY_COUNT_PER_POLL", 20),
    recountMs: envInt(env, "QUALITY_RECOUNT_MS", 300_000),
  });
  const meetings = new MeetingsService(huawei, hostPasswords, envInt(env, "UPSTREAM_CACHE_MS", 5_000), health);
  return {
    simulator,
    redis,
    services: {
      store,
      huawei,
      meetings,
      hostPasswords,
      hostPasswordEntry: new HostPasswordService(huawei, meetings, hostPasswords),
      health,
      quality,
      qualityOn,
      participantSeries: new ParticipantSeries(quality, meetings),
      presentPeople: new PresentPeople(huawei, meetings, {
        maxLists: envInt(env, "PEOPLE_SEARCH_MAX_LISTS", 200),
        ttlMs: envInt(env, "PEOPLE_SEARCH_CACHE_MS", 15_000),
        concurrency: 4,
      }),
      history: new HistoryService(huawei, archive.archive, (from, to) => health.pastHealth(from, to)),
      archive,
      reports: new ReportsService(archive.archive, huawei),
      huaweiEvents: new HuaweiEvents(store, archive, { key: env.HUAWEI_EVENTS_KEY?.trim() || null, appId: env.HUAWEI_EVENTS_APP_ID?.trim() || null }, () => meetings.listsChanged()),
      alerts: new AlertsService(store, huawei, sessionSecret),
      replay: new ReplayService(store, archive.archive, huawei, meetings),
      users,
      loginThrottle: new LoginThrottle(),
      revokedSessions: new RevokedSessions(store),
      displays: new DisplayStore(store),
      displaySeen: redis ? new RedisDisplaySeen(redis.client, redis.prefix) : new MemoryDisplaySeen(),
      // Replaced by the relay's once it runs; before that no socket can be open.
      disconnectRoom: () => undefined,
      liveMeeting: async () => null,
      redisStatus: () => (!redis ? "none" : redis.client.status === "ready" ? "up" : "down"),
      simulated: Boolean(simulator),
      demoLogins,
      startedAt: new Date().toISOString(),
      version: await readFile(path.resolve(".next/BUILD_ID"), "utf8").then((id) => id.trim(), () => "development"),
    },
  };
}
