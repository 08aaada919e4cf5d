import { afterEach, describe, expect, it } from "vitest";
import { Store } from "@/lib/store/store";
import { ENGINES, testStore } from "@/tests/stores";
import { RevokedSessions } from "./revoked-sessions";

describe.each(ENGINES)("RevokedSessions on %s", (engine) => {
  const closing: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  it("holds a sign-out at once here, and within a second on another instance sharing the store", async () => {
    const t = await testStore(engine);
    closing.push(t.close);
    const second = await Store.fromEnv(t.place.env, t.place.dataDir);
    closing.push(() => second.close());
    const a = new RevokedSessions(t.store);
    const b = new RevokedSessions(second);
    await a.watch(100);
    await b.watch(100);
    closing.push(() => a.unwatch(), () => b.unwatch());
    await a.revoke("sid-1", 60_000);
    expect(await a.isRevoked("sid-1")).toBe(true);
    await expect.poll(() => b.isRevoked("sid-1"), { timeout: 2_000 }).toBe(true);
    expect(await b.isRevoked("sid-2")).toBe(false);
    // A process that does not watch asks the table.
    expect(await new RevokedSessions(second).isRevoked("sid-1")).toBe(true);
  });

  it("forgets a sign-out once the cookie it revoked has expired anyway", async () => {
    const t = await testStore(engine);
    closing.push(t.close);
    const r = new RevokedSessions(t.store);
    await r.revoke("short", 50);
    await new Promise((done) => setTimeout(done, 80));
    expect(await r.isRevoked("short")).toBe(false);
    expect(await new RevokedSessions(t.store).isRevoked("short")).toBe(false);
  });
});
