import type { Redis } from "ioredis";

/** Last-seen is kept to the minute: a display calls on every request and handshake, and that must not write each time. */
const RESOLUTION_MS = 60_000;

/** When each display was last seen using the dashboard: in memory, or in Redis when scaled out. */
export interface DisplaySeen {
  seen(id: string, at?: number): Promise<void>;
  lastSeen(): Promise<Record<string, number>>;
}

export class MemoryDisplaySeen implements DisplaySeen {
  private readonly at = new Map<string, number>();

  async seen(id: string, at = Date.now()): Promise<void> {
    this.at.set(id, at);
  }

  async lastSeen(): Promise<Record<string, number>> {
    return Object.fromEntries(this.at);
  }
}

export class RedisDisplaySeen implements DisplaySeen {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async seen(id: string, at = Date.now()): Promise<void> {
    if (at - (this.written.get(id) ?? 0) < RESOLUTION_MS) return;
    this.written.set(id, at);
    // Best effort: a Redis outage must not turn a display's every request into an error.
    await this.redis.hset(`${this.prefix}:display-seen`, id, String(at)).catch(() => undefined);
  }

  async lastSeen(): Promise<Record<string, number>> {
    const all = await this.redis.hgetall(`${this.prefix}:display-seen`);
    return Object.fromEntries(Object.entries(all).map(([id, at]) => [id, Number(at)]));
  }
}
