import { createAdapter } from "@socket.io/redis-adapter";
import type { Server as HttpServer } from "node:http";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { thresholdsFromEnv } from "@/lib/domain/attention";
import { envInt } from "@/lib/env-number";
import { logger } from "@/lib/logger";
import type { Services } from "@/lib/services";
import type { SharedRedis } from "./redis";
import { LocalLeases, RedisLeases } from "./relay/leases";
import { Relay } from "./relay/relay";
import { DEFAULT_LIMITS } from "./relay/subscription-limits";
import { EventRecorder } from "./relay/event-recorder";
import { MeetingEventsTable } from "@/lib/store/meeting-events-table";

/** The replay's log (README: "Replay"); none with REPLAY=off. */
function replayRecorder(services: Services, env: NodeJS.ProcessEnv): EventRecorder | undefined {
  if ((env.REPLAY ?? "on") === "off") return undefined;
  const days = env.REPLAY_RETENTION_DAYS?.trim();
  const recorder = new EventRecorder(new MeetingEventsTable(services.store), {
    flushMs: envInt(env, "REPLAY_FLUSH_MS", 1_000),
    maxBuffered: envInt(env, "REPLAY_MAX_BUFFERED", 200_000),
    retentionMs: days ? envInt(env, "REPLAY_RETENTION_DAYS", 365) * 86_400_000 : null,
  });
  recorder.start();
  return recorder;
}

/**
 * The socket.io relay. With REDIS_URL, rooms span every instance (Redis adapter) and a lease per
 * topic makes one instance of the cluster watch it upstream; without it, all is in-process.
 */
export async function createRelay(
  httpServer: HttpServer,
  services: Services,
  env: NodeJS.ProcessEnv,
  redis: SharedRedis | undefined,
): Promise<{ relay: Relay; close: () => Promise<void> }> {
  const leaseTtlMs = envInt(env, "RELAY_LEASE_TTL_MS", 10_000);
  const opts = {
    graceMs: envInt(env, "RELAY_GRACE_MS", 30_000),
    listPollMs: envInt(env, "MEETINGS_POLL_MS", 10_000),
    leaseRenewMs: Math.max(200, Math.floor(leaseTtlMs / 3)),
    timing: {
      heartbeatMs: envInt(env, "HUAWEI_WS_HEARTBEAT_MS", 60_000),
      pollMs: envInt(env, "HUAWEI_POLL_MS", 5_000),
      reconcileMs: envInt(env, "HUAWEI_RECONCILE_MS", 60_000),
      staleAfterMs: envInt(env, "STALE_AFTER_MS", 30_000),
      reconnectMaxMs: envInt(env, "HUAWEI_RECONNECT_MAX_MS", 30_000),
      unavailableRetryMs: envInt(env, "UNAVAILABLE_RETRY_MS", 60_000),
      qualityMs: envInt(env, "QUALITY_LIVE_POLL_MS", 15_000),
      presenceMs: envInt(env, "PRESENCE_POLL_MS", 10_000),
    },
    wall: { maxLive: envInt(env, "WALL_MAX_LIVE", 100), thresholds: thresholdsFromEnv(env) },
    recorder: replayRecorder(services, env),
    limits: {
      perSocket: envInt(env, "RELAY_MAX_TOPICS_PER_SOCKET", DEFAULT_LIMITS.perSocket),
      meetingsPerUser: envInt(env, "RELAY_MAX_MEETINGS_PER_USER", DEFAULT_LIMITS.meetingsPerUser),
      burst: envInt(env, "RELAY_REQUEST_BURST", DEFAULT_LIMITS.burst),
      refillPerSecond: envInt(env, "RELAY_REQUESTS_PER_MINUTE", DEFAULT_LIMITS.refillPerSecond * 60) / 60,
    },
  };
  if (!redis) {
    const relay = new Relay(httpServer, services, new LocalLeases(), opts);
    return { relay, close: () => relay.close() };
  }
  // The adapter needs a connection of its own for subscribing, which queues its SUBSCRIBE until connected.
  const sub = redis.client.duplicate({ enableOfflineQueue: true });
  sub.on("error", () => undefined);
  // The adapter publishes without waiting for the answer: while Redis is away each publish would be an
  // unhandled rejection. Rooms on this instance are still served; other instances cannot be reached anyway.
  const pub = redis.client.duplicate();
  pub.on("error", () => undefined);
  const publish = pub.publish.bind(pub) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
  pub.publish = ((channel: string | Buffer, message: string | Buffer) => publish(channel, message).catch(() => 0)) as typeof pub.publish;
  const leases = new RedisLeases(redis.client, `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`, leaseTtlMs, redis.prefix);
  logger.info({ instance: leases.instanceId }, "relay scales out through Redis");
  const relay = new Relay(httpServer, services, leases, opts);
  await pub.connect();
  relay.io.adapter(createAdapter(pub, sub, { key: `${redis.prefix}:socket.io`, requestsTimeout: 2_000 }));
  // While Redis is away, viewers of topics watched by other instances are told their data is stale;
  // once every connection is back (commands, publishing, the adapter's subscription), leases are
  // claimed at once and viewers get the current state.
  const connections = [redis.client, pub, sub];
  let lost = false;
  for (const connection of connections) {
    connection.on("close", () => {
      if (lost) return;
      lost = true;
      logger.warn("Redis connection lost: topics watched elsewhere turn stale");
      relay.registry.clusterLost();
    });
    connection.on("ready", () => {
      if (!lost || connections.some((c) => c.status !== "ready")) return;
      lost = false;
      logger.info("Redis connections back: claiming leases");
      relay.registry.clusterRegained();
    });
  }
  return {
    relay,
    close: () =>
      relay.close().then(() => {
        sub.disconnect();
        pub.disconnect();
      }),
  };
}
