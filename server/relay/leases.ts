import type { Redis } from "ioredis";

/**
 * Who watches a topic upstream. In one process that is always this process; with Redis, a
 * lease per topic makes exactly one instance of the cluster the watcher.
 */
export interface Leases {
  readonly instanceId: string;
  /** True when other instances may hold leases (and so hold topic state). */
  readonly clustered: boolean;
  /** Takes or keeps the lease; true while this instance holds it. */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /** The last seq published on a topic by whichever instance held it. */
  lastSeq(key: string): Promise<number>;
  saveSeq(key: string, seq: number): void;
}

export class LocalLeases implements Leases {
  readonly instanceId = "local";
  readonly clustered = false;
  async claim(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
  async lastSeq(): Promise<number> {
    return 0;
  }
  saveSeq(): void {}
}

// Extends the lease only if this instance still holds it; deletes it on the same condition.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export class RedisLeases implements Leases {
  readonly clustered = true;

  constructor(
    private readonly redis: Redis,
    readonly instanceId: string,
    private readonly ttlMs: number,
    private readonly prefix = "mm",
  ) {}

  async claim(key: string): Promise<boolean> {
    const lease = `${this.prefix}:lease:${key}`;
    if ((await this.redis.set(lease, this.instanceId, "PX", this.ttlMs, "NX")) === "OK") return true;
    return (await this.redis.eval(RENEW, 1, lease, this.instanceId, this.ttlMs)) === 1;
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, `${this.prefix}:lease:${key}`, this.instanceId);
  }

  async lastSeq(key: string): Promise<number> {
    return Number(await this.redis.get(`${this.prefix}:seq:${key}`)) || 0;
  }

  saveSeq(key: string, seq: number): void {
    void this.redis.set(`${this.prefix}:seq:${key}`, seq, "PX", 24 * 3600_000).catch(() => undefined);
  }
}
