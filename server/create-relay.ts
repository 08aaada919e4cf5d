import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { Server as HttpServer } from "node:http";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { envInt } from "@/lib/env-number";
import { logger } from "@/lib/logger";
import type { Services } from "@/lib/services";
import { LocalLeases, RedisLeases, type Leases } from "./relay/leases";
import { Relay } from "./relay/relay";

/**
 * The socket.io relay. With REDIS_URL, rooms span every instance (Redis adapter) and a lease per
 * topic makes one instance of the cluster watch it upstream; without it, all is in-process.
 */
export async function createRelay(httpServer: HttpServer, services: Services, env: NodeJS.ProcessEnv): Promise<{ relay: Relay; close: () => Promise<void> }> {
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
    },
  };
  let leases: Leases = new LocalLeases();
  const clients: Redis[] = [];
  if (env.REDIS_URL) {
    const pub = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    clients.push(pub, sub);
    // One prefix per deployment, so two dashboards may share a Redis without sharing rooms.
    const prefix = env.REDIS_KEY_PREFIX || "mm";
    leases = new RedisLeases(pub, `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`, leaseTtlMs, prefix);
    logger.info({ instance: leases.instanceId }, "relay scales out through Redis");
    const relay = new Relay(httpServer, services, leases, opts);
    relay.io.adapter(createAdapter(pub, sub, { key: `${prefix}:socket.io`, requestsTimeout: 2_000 }));
    return { relay, close: () => relay.close().then(() => void clients.forEach((c) => c.disconnect())) };
  }
  const relay = new Relay(httpServer, services, leases, opts);
  return { relay, close: () => relay.close() };
}
