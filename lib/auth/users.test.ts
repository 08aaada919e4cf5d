import { afterEach, describe, expect, it } from "vitest";
import { ENGINES, testStore } from "@/tests/stores";
import { Store } from "@/lib/store/store";
import { UserStore } from "./users";

describe.each(ENGINES)("UserStore on %s", (engine) => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });
  const open = async () => {
    const t = await testStore(engine);
    closing.push(t.close);
    return t;
  };

  it("adds, verifies, updates and removes users; never stores a password in clear", async () => {
    const { store } = await open();
    const s = new UserStore(store);
    await s.upsert({ username: "jane", password: "correct horse", role: "admin" });
    expect(await s.verify("jane", "correct horse")).toMatchObject({ username: "jane", role: "admin" });
    expect(await s.verify("jane", "wrong horse")).toBeUndefined();
    expect(await s.verify("nobody", "correct horse")).toBeUndefined();
    const rows = await store.db.selectFrom("users").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain("correct horse");
    expect(rows[0]!.passwordHash).toMatch(/^scrypt\$/);
    const created = rows[0]!.createdAt;

    await s.upsert({ username: "jane", password: "battery staple", role: "wall" });
    expect(await s.verify("jane", "correct horse")).toBeUndefined();
    expect((await s.list()).map((u) => [u.username, u.role, u.createdAt])).toEqual([["jane", "wall", created]]);
    expect(await s.remove("jane")).toBe(true);
    expect(await s.remove("jane")).toBe(false);
    expect(await s.list()).toEqual([]);
  });

  it("needs a Huawei user for a host, and refuses bad names and short passwords", async () => {
    const s = new UserStore((await open()).store);
    await expect(s.upsert({ username: "bob", password: "long enough", role: "host" })).rejects.toThrow(/--huawei-user/);
    await expect(s.upsert({ username: "b o b", password: "long enough", role: "admin" })).rejects.toThrow(/username/);
    await expect(s.upsert({ username: "bob", password: "short", role: "admin" })).rejects.toThrow(/at least 8/);
    expect(await s.upsert({ username: "bob", password: "long enough", role: "host", huaweiUserId: "bob.wang" })).toMatchObject({ huaweiUserId: "bob.wang" });
  });

  it("a watching server sees, within a second, users another process added and removed", async () => {
    const { store, place } = await open();
    const server = new UserStore(store);
    const removed: string[] = [];
    await server.watch((u) => removed.push(u));
    closing.push(async () => server.unwatch());
    const other = await Store.fromEnv(place.env, place.dataDir);
    closing.unshift(() => other.close());
    const cli = new UserStore(other);
    await cli.upsert({ username: "carol", password: "long enough", role: "admin" });
    // Signs in at once: a miss reads the table again.
    expect(await server.verify("carol", "long enough")).toMatchObject({ username: "carol" });
    await cli.remove("carol");
    await expect.poll(() => removed, { timeout: 3_000 }).toEqual(["carol"]);
    expect(await server.find("carol")).toBeUndefined();
  });
});
