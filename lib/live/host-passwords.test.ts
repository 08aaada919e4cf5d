import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryHostPasswords, RedisHostPasswords } from "./host-passwords";

const SECRET = "a-session-secret-of-at-least-32-characters!";
const connections: Redis[] = [];
const stores: RedisHostPasswords[] = [];
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  for (const c of connections) c.disconnect();
});

function instance(prefix: string): RedisHostPasswords {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  connections.push(redis);
  const store = new RedisHostPasswords(redis, prefix, SECRET);
  stores.push(store);
  return store;
}

const heard = (store: { onSet(fn: (id: string) => void): () => void }, id: string) =>
  new Promise<void>((resolve) => {
    const off = store.onSet((got) => {
      if (got !== id) return;
      off();
      resolve();
    });
  });

describe("host passwords", () => {
  it("in memory: kept, announced, forgotten", async () => {
    const store = new MemoryHostPasswords();
    const announced = heard(store, "123");
    await store.set("123", "654321");
    await announced;
    expect(await store.get("123")).toBe("654321");
    await store.forget("123");
    expect(await store.get("123")).toBeUndefined();
  });

  it("in Redis: one instance's password reaches another, which hears of it, and Redis holds it sealed", async () => {
    const prefix = `mm-test-${randomBytes(4).toString("hex")}`;
    const a = instance(prefix);
    const b = instance(prefix);
    await new Promise((r) => setTimeout(r, 200)); // both subscribed
    const announced = heard(b, "900487914");
    await a.set("900487914", "Chair-Pw-Q7xK2");
    await announced;
    expect(await b.get("900487914")).toBe("Chair-Pw-Q7xK2");
    const raw = await connections[0]!.get(`${prefix}:host-password:900487914`);
    expect(raw).toBeTruthy();
    expect(raw).not.toContain("Chair-Pw-Q7xK2");
    expect(await connections[0]!.pttl(`${prefix}:host-password:900487914`)).toBeGreaterThan(3_600_000);
    await b.forget("900487914");
    expect(await a.get("900487914")).toBeUndefined();
  });
});
