import { LRUCache } from "lru-cache";

/**
 * Slows password guessing: after `maxFailures` wrong passwords for one key (a username at
 * sign-in; a user and meeting for host passwords) within the window, that key is refused until
 * the window has passed since the first failure.
 */
export class FailureThrottle {
  private readonly failures: LRUCache<string, { count: number; since: number }>;

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {
    this.failures = new LRUCache({ max: 10_000, ttl: windowMs });
  }

  /** Milliseconds until this key may try again; 0 when it may now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const entry = this.failures.get(key.toLowerCase());
    if (!entry || entry.count < this.maxFailures) return 0;
    return Math.max(0, entry.since + this.windowMs - now);
  }

  failed(key: string, now = Date.now()): void {
    const k = key.toLowerCase();
    const entry = this.failures.get(k);
    this.failures.set(k, entry ? { count: entry.count + 1, since: entry.since } : { count: 1, since: now }, { ttl: entry ? Math.max(1, entry.since + this.windowMs - now) : this.windowMs });
  }

  succeeded(key: string): void {
    this.failures.delete(key.toLowerCase());
  }
}
