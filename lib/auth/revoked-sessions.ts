import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";

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

/** Shared by every instance behind the load balancer, so a sign-out holds cluster-wide. */
export class RedisRevokedSessions implements RevokedSessions {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async revoke(sid: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}:revoked:${sid}`, "1", "PX", Math.max(1, ttlMs));
  }

  async isRevoked(sid: string): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}:revoked:${sid}`)) === 1;
  }
}
