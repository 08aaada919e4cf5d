import { Redis } from "ioredis";
import { ConfigError } from "@/lib/config-error";

export interface SharedRedis {
  client: Redis;
  /** Prefix of every key and channel, so two deployments may share one Redis. */
  prefix: string;
}

/** The process's Redis connection when REDIS_URL is set (scale-out), or undefined. */
export async function connectRedis(env: NodeJS.ProcessEnv): Promise<SharedRedis | undefined> {
  if (!env.REDIS_URL) return undefined;
  // While Redis is away a command fails at once (no offline queue) or after a second (a hung
  // server), so no request waits on it; the connection keeps retrying in the background.
  const client = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1_000 });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new ConfigError(`REDIS_URL ${env.REDIS_URL} cannot be reached: ${(error as Error).message}`);
  }
  client.on("error", () => undefined); // reported once by the relay's close/ready handlers, not per retry
  return { client, prefix: env.REDIS_KEY_PREFIX || "mm" };
}
