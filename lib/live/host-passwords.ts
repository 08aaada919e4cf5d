import { EventEmitter } from "node:events";
import { sealData, unsealData } from "iron-session";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";

/** A meeting's life, at most: a password given for a meeting is forgotten a day later if nothing else forgets it. */
export const HOST_PASSWORD_TTL_MS = 24 * 3600_000;

/**
 * Host (chair) passwords the dashboard was given for meetings whose password Huawei withholds
 * from its account: entered by an admin or the host, or read from a host's own confDetail. Kept
 * in memory only, or in Redis sealed with the session secret when scaled out; never on disk, in
 * logs or in any response. Every instance hears when one is set, so its watcher retries at once.
 */
export interface HostPasswords {
  get(conferenceID: string): Promise<string | undefined>;
  set(conferenceID: string, password: string): Promise<void>;
  forget(conferenceID: string): Promise<void>;
  /** Calls `listener` whenever a password is set for a meeting, on this instance or another. */
  onSet(listener: (conferenceID: string) => void): () => void;
  close(): Promise<void>;
}

export class MemoryHostPasswords implements HostPasswords {
  private readonly passwords = new LRUCache<string, string>({ max: 10_000, ttl: HOST_PASSWORD_TTL_MS });
  private readonly events = new EventEmitter<{ set: [string] }>();

  constructor() {
    this.events.setMaxListeners(0);
  }

  async get(conferenceID: string): Promise<string | undefined> {
    return this.passwords.get(conferenceID);
  }

  async set(conferenceID: string, password: string): Promise<void> {
    this.passwords.set(conferenceID, password);
    this.events.emit("set", conferenceID);
  }

  async forget(conferenceID: string): Promise<void> {
    this.passwords.delete(conferenceID);
  }

  onSet(listener: (conferenceID: string) => void): () => void {
    this.events.on("set", listener);
    return () => this.events.off("set", listener);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}

/** Shared by every instance: sealed values (AES, the session secret) with a TTL, and a channel that announces each set. */
export class RedisHostPasswords implements HostPasswords {
  private readonly events = new EventEmitter<{ set: [string] }>();
  private readonly subscriber: Redis;
  private readonly channel: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly secret: string,
  ) {
    this.events.setMaxListeners(0);
    this.channel = `${prefix}:host-password-set`;
    // A subscriber connection queues its SUBSCRIBE until connected (and ioredis renews it after every reconnect).
    this.subscriber = redis.duplicate({ enableOfflineQueue: true });
    this.subscriber.on("error", () => undefined);
    this.subscriber.on("message", (channel: string, conferenceID: string) => {
      if (channel === this.channel) this.events.emit("set", conferenceID);
    });
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  private key(conferenceID: string): string {
    return `${this.prefix}:host-password:${conferenceID}`;
  }

  async get(conferenceID: string): Promise<string | undefined> {
    const sealed = await this.redis.get(this.key(conferenceID));
    if (!sealed) return undefined;
    const data = await unsealData<{ password?: string }>(sealed, { password: this.secret, ttl: HOST_PASSWORD_TTL_MS / 1000 });
    return data.password;
  }

  async set(conferenceID: string, password: string): Promise<void> {
    const sealed = await sealData({ password }, { password: this.secret, ttl: HOST_PASSWORD_TTL_MS / 1000 });
    await this.redis.set(this.key(conferenceID), sealed, "PX", HOST_PASSWORD_TTL_MS);
    await this.redis.publish(this.channel, conferenceID);
  }

  async forget(conferenceID: string): Promise<void> {
    await this.redis.del(this.key(conferenceID));
  }

  onSet(listener: (conferenceID: string) => void): () => void {
    this.events.on("set", listener);
    return () => this.events.off("set", listener);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
    this.subscriber.disconnect();
  }
}
