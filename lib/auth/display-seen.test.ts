import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RedisDisplaySeen } from "./display-seen";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
afterAll(() => redis.disconnect());

describe("RedisDisplaySeen", () => {
  it("keeps last-seen to the minute instead of writing on every request", async () => {
    const prefix = `mm-test-${randomBytes(4).toString("hex")}`;
    const seen = new RedisDisplaySeen(redis, prefix);
    await seen.seen("d1", 1_000_000);
    await seen.seen("d1", 1_030_000);
    expect(await seen.lastSeen()).toEqual({ d1: 1_000_000 });
    await seen.seen("d1", 1_061_000);
    expect(await seen.lastSeen()).toEqual({ d1: 1_061_000 });
    await redis.del(`${prefix}:display-seen`);
  });
});
