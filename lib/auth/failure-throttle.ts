import { LRUCache } from "lru-cache";

export type ThrottledAttempt =
  | { ok: true; /** How it went: right, wrong, or undecided (the check itself failed); call once. */ done: (succeeded: boolean | undefined) => void }
  | { ok: false; retryAfterMs: number };

/**
 * Slows password guessing: after `maxFailures` wrong passwords for one key (a user and meeting
 * for host passwords) within the window, that key is refused until the window has passed since
 * the first failure. Attempts being checked count too, so a burst sent at once is not all tried.
 */
export class FailureThrottle {
  private readonly failures: LRUCache<string, { count: number; since: number }>;
  /** Attempts under way per key (removed at zero, so bounded by the requests in flight). */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
    /** Keys kept at most (the least recently failed go first). */
    capacity = 10_000,
  ) {
    this.failures = new LRUCache({ max: capacity, ttl: windowMs });
  }

  /** Milliseconds until this key may try again; 0 when it may now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const entry = this.failures.get(key.toLowerCase());
    if (!entry || entry.count < this.maxFailures) return 0;
    return Math.max(0, entry.since + this.windowMs - now);
  }

  /** Takes a place for one attempt, or says how long to wait. */
  begin(key: string, now = Date.now()): ThrottledAttempt {
    const k = key.toLowerCase();
    const wait = this.retryAfterMs(key, now);
    const busy = this.inFlight.get(k) ?? 0;
    if (wait > 0 || (this.current(k, now)?.count ?? 0) + busy >= this.maxFailures) return { ok: false, retryAfterMs: Math.max(wait, 1_000) };
    this.inFlight.set(k, busy + 1);
    let decided = false;
    return {
      ok: true,
      done: (succeeded) => {
        if (decided) return;
        decided = true;
        const left = (this.inFlight.get(k) ?? 1) - 1;
        if (left > 0) this.inFlight.set(k, left);
        else this.inFlight.delete(k);
        if (succeeded === true) this.succeeded(key);
        if (succeeded === false) this.failed(key, now);
      },
    };
  }

  failed(key: string, now = Date.now()): void {
    const k = key.toLowerCase();
    const entry = this.current(k, now);
    this.failures.set(k, entry ? { count: entry.count + 1, since: entry.since } : { count: 1, since: now }, { ttl: entry ? Math.max(1, entry.since + this.windowMs - now) : this.windowMs });
  }

  succeeded(key: string): void {
    this.failures.delete(key.toLowerCase());
  }

  /** Keys with failures kept, for the metrics. */
  get size(): number {
    return this.failures.size;
  }

  /** A key's failures within their window (the cache's own expiry also bounds memory). */
  private current(k: string, now: number): { count: number; since: number } | undefined {
    const entry = this.failures.get(k);
    return entry && now - entry.since < this.windowMs ? entry : undefined;
  }
}
