import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { logger } from "@/lib/logger";

/**
 * Sessions signed out before their cookie expires. Cookies are sealed, not stored, so a copy of
 * one would otherwise stay valid until its TTL; every request checks its session id here.
 */
export interface RevokedSessions {
  revoke(sid: string, ttlMs: number): Promise<void>;
  isRevoked(sid: string): Promise<boolean>;
}

export class MemoryRevokedSessions implements RevokedSessions {
  private readonly revoked = new LRUCache<string, true>({ max: 100_000, ttlAutopurge: true });

  async revoke(sid: string, ttlMs: number): Promise<void> {
    this.revoked.set(sid, true, { ttl: ttlMs });
  }

  async isRevoked(sid: string): Promise<boolean> {
    return this.revoked.has(sid);
  }
}

/**
 * Shared by every instance behind the load balancer, so a sign-out holds cluster-wide. While Redis
 * cannot be reached, requests are not held up or failed: this instance answers from what it knows
 * (sign-outs made or seen here), says so in its log and its health, and Redis is asked again as soon
 * as it is back.
 */
export class RedisRevokedSessions implements RevokedSessions {
  private readonly known = new MemoryRevokedSessions();
  private warned = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async revoke(sid: string, ttlMs: number): Promise<void> {
    await this.known.revoke(sid, ttlMs);
    await this.redis.set(`${this.prefix}:revoked:${sid}`, "1", "PX", Math.max(1, ttlMs)).catch((error: unknown) => this.unreachable(error));
  }

  async isRevoked(sid: string): Promise<boolean> {
    if (await this.known.isRevoked(sid)) return true;
    try {
      const revoked = (await this.redis.exists(`${this.prefix}:revoked:${sid}`)) === 1;
      this.warned = false;
      if (revoked) await this.known.revoke(sid, 3600_000);
      return revoked;
    } catch (error) {
      this.unreachable(error);
      return false;
    }
  }

  private unreachable(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    logger.warn({ err: (error as Error).message }, "Redis unreachable: sign-outs checked against this instance's own knowledge until it is back");
  }
}
