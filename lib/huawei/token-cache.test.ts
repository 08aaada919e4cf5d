import { describe, expect, it } from "vitest";
import { TokenCache } from "./token-cache";

function counter(expiresIn = 3_600_000) {
  let calls = 0;
  const issue = async () => {
    calls += 1;
    await new Promise((r) => setTimeout(r, 20));
    return { token: `t${calls}`, expiresAt: Date.now() + expiresIn };
  };
  return { issue, calls: () => calls };
}

describe("TokenCache", () => {
  it("authenticates once for 100 concurrent first calls", async () => {
    const c = counter();
    const cache = new TokenCache(c.issue);
    const tokens = await Promise.all(Array.from({ length: 100 }, () => cache.get()));
    expect(c.calls()).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(["t1"]));
  });

  it("renews once when 100 calls report the same rejected token", async () => {
    const c = counter();
    const cache = new TokenCache(c.issue);
    const first = await cache.get();
    const renewed = await Promise.all(Array.from({ length: 100 }, () => cache.rejected(first)));
    expect(c.calls()).toBe(2);
    expect(new Set(renewed)).toEqual(new Set(["t2"]));
  });

  it("ignores a late rejection of a token already replaced", async () => {
    const c = counter();
    const cache = new TokenCache(c.issue);
    await cache.rejected(await cache.get());
    expect(await cache.rejected("t1")).toBe("t2");
    expect(c.calls()).toBe(2);
  });

  it("renews ahead of expiry, inside the safety margin", async () => {
    let now = 0;
    let n = 0;
    const cache = new TokenCache(async () => ({ token: `t${++n}`, expiresAt: now + 60_000 }), 10_000, () => now);
    expect(await cache.get()).toBe("t1");
    now = 49_000;
    expect(await cache.get()).toBe("t1");
    now = 50_001;
    expect(await cache.get()).toBe("t2");
  });

  it("lets the next call try again after a failed authentication", async () => {
    let fail = true;
    const cache = new TokenCache(async () => {
      if (fail) throw new Error("auth down");
      return { token: "ok", expiresAt: Date.now() + 3_600_000 };
    });
    await expect(cache.get()).rejects.toThrow("auth down");
    fail = false;
    expect(await cache.get()).toBe("ok");
  });
});
