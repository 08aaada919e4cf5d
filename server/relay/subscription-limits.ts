export interface LimitOptions {
  /** Topics one socket may follow at once (a page follows two or three). */
  perSocket: number;
  /** Meetings one user may follow at once, over all their sockets on this instance. */
  meetingsPerUser: number;
  /** Subscribe, resync and changes requests: a burst of this many per socket, then `refillPerSecond`. */
  burst: number;
  refillPerSecond: number;
}

/** One user's allowance over all their connections: ten connections' worth (tabs, screens), not one per connection opened. */
const USER_FACTOR = 10;

export const DEFAULT_LIMITS: LimitOptions = { perSocket: 20, meetingsPerUser: 50, burst: 30, refillPerSecond: 0.5 };

export type Refusal = { code: "too_many_subscriptions" | "rate_limited"; message: string };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * What one socket or user may ask of the relay, so no single viewer can make the dashboard watch
 * hundreds of meetings upstream or spend everyone's upstream budget: a cap on topics per socket,
 * on meetings per user, and token buckets on requests per socket and per user.
 */
export class SubscriptionLimits {
  private readonly buckets = new Map<string, Bucket>();
  private readonly userBuckets = new Map<string, Bucket>();
  /** Open sockets per user, so a user's bucket goes when their last socket does. */
  private readonly userSockets = new Map<string, number>();
  /** Per user: how many of their sockets follow each meeting topic. */
  private readonly userMeetings = new Map<string, Map<string, number>>();

  constructor(private readonly opts: LimitOptions = DEFAULT_LIMITS) {}

  /** Spends one request of this socket's and this user's allowances; a refusal when either is used up. */
  spend(socketId: string, username: string, now = Date.now()): Refusal | undefined {
    const mine = this.refill(this.buckets, socketId, this.opts.burst, this.opts.refillPerSecond, now);
    const theirs = this.refill(this.userBuckets, username, this.opts.burst * USER_FACTOR, this.opts.refillPerSecond * USER_FACTOR, now);
    if (mine.tokens < 1) return { code: "rate_limited", message: "Too many requests on this connection; wait a few seconds." };
    if (theirs.tokens < 1) return { code: "rate_limited", message: "Too many requests from this account; wait a few seconds." };
    mine.tokens -= 1;
    theirs.tokens -= 1;
    return undefined;
  }

  connected(username: string): void {
    this.userSockets.set(username, (this.userSockets.get(username) ?? 0) + 1);
  }

  /** Whether a socket already following `held` topics (and `pending` on their way) may add `key`. */
  mayFollow(username: string, key: string, held: number): Refusal | undefined {
    if (held >= this.opts.perSocket) return { code: "too_many_subscriptions", message: `One connection follows at most ${this.opts.perSocket} topics.` };
    if (!isMeetingKey(key)) return undefined;
    const mine = this.userMeetings.get(username);
    if (mine?.has(key) || (mine?.size ?? 0) < this.opts.meetingsPerUser) return undefined;
    return { code: "too_many_subscriptions", message: `One user follows at most ${this.opts.meetingsPerUser} meetings at once.` };
  }

  followed(username: string, key: string): void {
    if (!isMeetingKey(key)) return;
    const mine = this.userMeetings.get(username) ?? new Map<string, number>();
    mine.set(key, (mine.get(key) ?? 0) + 1);
    this.userMeetings.set(username, mine);
  }

  unfollowed(username: string, key: string): void {
    const mine = this.userMeetings.get(username);
    const count = mine?.get(key);
    if (!mine || count === undefined) return;
    if (count > 1) mine.set(key, count - 1);
    else mine.delete(key);
    if (!mine.size) this.userMeetings.delete(username);
  }

  forgetSocket(socketId: string, username: string): void {
    this.buckets.delete(socketId);
    const left = (this.userSockets.get(username) ?? 1) - 1;
    if (left > 0) return void this.userSockets.set(username, left);
    this.userSockets.delete(username);
    this.userBuckets.delete(username);
  }

  private refill(buckets: Map<string, Bucket>, key: string, burst: number, perSecond: number, now: number): Bucket {
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    return bucket;
  }
}

const isMeetingKey = (key: string) => key.startsWith("meeting:") || key.startsWith("wall-meeting:");
