import { LRUCache } from "lru-cache";

/**
 * Slows password guessing: after `maxFailures` wrong passwords for one username within the
 * window, that username is refused until the window has passed since the first failure.
 */
export class LoginThrottle {
  private readonly failures: LRUCache<string, { count: number; since: number }>;

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {
    this.failures = new LRUCache({ max: 10_000, ttl: windowMs });
  }

  /** Milliseconds until this username may try again; 0 when it may now. */
  retryAfterMs(username: string, now = Date.now()): number {
    const entry = this.failures.get(username.toLowerCase());
    if (!entry || entry.count < this.maxFailures) return 0;
    return Math.max(0, entry.since + this.windowMs - now);
  }

  failed(username: string, now = Date.now()): void {
    const key = username.toLowerCase();
    const entry = this.failures.get(key);
    this.failures.set(key, entry ? { count: entry.count + 1, since: entry.since } : { count: 1, since: now }, { ttl: entry ? Math.max(1, entry.since + this.windowMs - now) : this.windowMs });
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase());
  }
}
