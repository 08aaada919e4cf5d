import { LRUCache } from "lru-cache";
import { FailureThrottle, type ThrottledAttempt } from "./failure-throttle";

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

export type LoginAttempt = ThrottledAttempt;

/**
 * Slows password guessing without handing a stranger a way to lock a real user out. Failures are
 * counted per address, per address and username, and per username (one FailureThrottle each);
 * the last refuses only addresses that have not signed that user in before, so a user at their
 * usual desk still gets in while someone elsewhere guesses their password. An attempt is counted
 * when it begins, so forty guesses sent at once are not all checked.
 */
export class LoginThrottle {
  private readonly byAddress: FailureThrottle;
  private readonly byAddressAndUser: FailureThrottle;
  private readonly byUser: FailureThrottle;
  private readonly trusted: LRUCache<string, true>;

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.byAddress = new FailureThrottle(limits.perAddress, limits.windowMs, 50_000);
    this.byAddressAndUser = new FailureThrottle(limits.perAddressAndUser, limits.windowMs, 50_000);
    this.byUser = new FailureThrottle(limits.perUser, limits.windowMs, 50_000);
    this.trusted = new LRUCache({ max: 50_000, ttl: limits.trustMs });
  }

  begin(username: string, address: string, now = Date.now()): LoginAttempt {
    const user = username.toLowerCase();
    const pair = `${address}|${user}`;
    const parts: [FailureThrottle, string][] = [
      [this.byAddress, address],
      [this.byAddressAndUser, pair],
    ];
    if (!this.trusted.has(pair)) parts.push([this.byUser, user]);
    const taken: { throttle: FailureThrottle; attempt: Extract<ThrottledAttempt, { ok: true }> }[] = [];
    for (const [throttle, key] of parts) {
      const attempt = throttle.begin(key, now);
      if (!attempt.ok) {
        for (const t of taken) t.attempt.done(undefined);
        return attempt;
      }
      taken.push({ throttle, attempt });
    }
    return {
      ok: true,
      done: (succeeded) => {
        // A success clears only this address's count for this user: signing in to an account of
        // one's own must not wipe the address's failures against other accounts.
        for (const t of taken) t.attempt.done(succeeded === true && t.throttle !== this.byAddressAndUser ? undefined : succeeded);
        if (succeeded === true) this.trusted.set(pair, true);
      },
    };
  }

  get size(): number {
    return this.byAddress.size + this.byAddressAndUser.size + this.byUser.size;
  }
}
