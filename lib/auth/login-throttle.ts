import { LRUCache } from "lru-cache";

export interface LoginLimits {
  /** Wrong passwords from one address, any usernames, within the window. */
  perAddress: number;
  /** Wrong passwords for one username from one address. */
  perAddressAndUser: number;
  /** Wrong passwords for one username from anywhere: refuses only addresses the user never signed in from. */
  perUser: number;
  windowMs: number;
  /** How long an address that signed a user in stays trusted for that user. */
  trustMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddress: 30, perAddressAndUser: 10, perUser: 100, windowMs: 15 * 60_000, trustMs: 30 * 24 * 3600_000 };

export type LoginAttempt =
  | { ok: true; /** Tells how it went; call once. */ done: (succeeded: boolean) => void }
  | { ok: false; retryAfterMs: number };

interface Count {
  failures: number;
  /** Attempts being checked now: they count against the limit until they are decided. */
  inFlight: number;
  since: number;
}

/**
 * Slows password guessing without handing a stranger a way to lock a real user out. Failures are
 * counted per address, per address and username, and per username; the last refuses only
 * addresses that have not signed that user in before, so a user at their usual desk still gets
 * in while someone elsewhere guesses their password. An attempt is counted when it begins, so
 * forty guesses sent at once are not all checked.
 */
export class LoginThrottle {
  private readonly counts: LRUCache<string, Count>;
  private readonly trusted: LRUCache<string, true>;

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.counts = new LRUCache({ max: 50_000, ttl: limits.windowMs });
    this.trusted = new LRUCache({ max: 50_000, ttl: limits.trustMs });
  }

  begin(username: string, address: string, now = Date.now()): LoginAttempt {
    const user = username.toLowerCase();
    const keys: [string, number][] = [
      [`a|${address}`, this.limits.perAddress],
      [`au|${address}|${user}`, this.limits.perAddressAndUser],
    ];
    if (!this.trusted.has(`${address}|${user}`)) keys.push([`u|${user}`, this.limits.perUser]);
    let retryAfterMs = 0;
    for (const [key, max] of keys) {
      const count = this.current(key, now);
      if (count && count.failures + count.inFlight >= max) retryAfterMs = Math.max(retryAfterMs, Math.max(1_000, count.since + this.limits.windowMs - now));
    }
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    const taken = keys.map(([key]) => {
      const count = this.current(key, now) ?? { failures: 0, inFlight: 0, since: now };
      count.inFlight += 1;
      this.counts.set(key, count, { ttl: Math.max(1, count.since + this.limits.windowMs - now) });
      return key;
    });
    let decided = false;
    return {
      ok: true,
      done: (succeeded) => {
        if (decided) return;
        decided = true;
        for (const key of taken) {
          const count = this.counts.get(key);
          if (!count) continue;
          count.inFlight = Math.max(0, count.inFlight - 1);
          if (!succeeded) count.failures += 1;
        }
        if (succeeded) {
          this.counts.delete(`au|${address}|${user}`);
          this.trusted.set(`${address}|${user}`, true);
        }
      },
    };
  }

  /** A key's count within its window (the cache's own expiry also bounds memory). */
  private current(key: string, now: number): Count | undefined {
    const count = this.counts.get(key);
    if (count && now - count.since >= this.limits.windowMs && count.inFlight === 0) {
      this.counts.delete(key);
      return undefined;
    }
    return count;
  }

  get size(): number {
    return this.counts.size;
  }
}
