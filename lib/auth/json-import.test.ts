import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ENGINES, testStore } from "@/tests/stores";
import { DisplayStore } from "./displays";
import { importJsonFiles } from "./json-import";
import { UserStore } from "./users";

const HASH = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

describe.each(ENGINES)("importing users.json and displays.json on %s", (engine) => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it("imports every user and display once, keeps what the store has, and renames the files", async () => {
    const t = await testStore(engine);
    closing.push(t.close);
    const dir = t.place.dataDir;
    const users = new UserStore(t.store);
    await users.upsert({ username: "kept", password: "the newer one", role: "admin" });
    writeFileSync(
      path.join(dir, "users.json"),
      JSON.stringify({
        users: [
          { username: "old-admin", passwordHash: HASH, role: "admin", huaweiUserId: null, createdAt: "2026-01-05T08:00:00.000Z" },
          { username: "old-host", passwordHash: HASH, role: "host", huaweiUserId: "bob.wang", createdAt: "2026-02-05T08:00:00.000Z" },
          // Files of the first versions had no huaweiUserId.
          { username: "old-wall", passwordHash: HASH, role: "wall", createdAt: "2026-03-05T08:00:00.000Z" },
          { username: "kept", passwordHash: HASH, role: "wall", huaweiUserId: null, createdAt: "2026-01-01T00:00:00.000Z" },
        ],
      }),
    );
    const tokenHash = "a".repeat(64);
    writeFileSync(
      path.join(dir, "displays.json"),
      JSON.stringify({ displays: [{ id: "0123456789abcdef", name: "Lobby", tokenHash, settings: "only=attention", createdAt: "2026-04-01T00:00:00.000Z", createdBy: "old-admin" }] }),
    );

    const reports = await importJsonFiles(t.store, dir);
    expect(reports.map((r) => [path.basename(r.file), r.found, r.added])).toEqual([
      ["users.json", 4, 3],
      ["displays.json", 1, 1],
    ]);
    expect((await users.list()).map((u) => [u.username, u.role, u.huaweiUserId, u.createdAt.slice(0, 10)])).toEqual([
      ["kept", "admin", null, new Date().toISOString().slice(0, 10)],
      ["old-admin", "admin", null, "2026-01-05"],
      ["old-host", "host", "bob.wang", "2026-02-05"],
      ["old-wall", "wall", null, "2026-03-05"],
    ]);
    expect(await new DisplayStore(t.store).find("0123456789abcdef")).toMatchObject({ name: "Lobby", settings: "only=attention" });
    expect(existsSync(path.join(dir, "users.json"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes(".json.imported-")).length).toBe(2);
    expect(await importJsonFiles(t.store, dir)).toEqual([]);
  });

  it("stops at a broken file and leaves it where it is", async () => {
    const t = await testStore(engine);
    closing.push(t.close);
    const file = path.join(t.place.dataDir, "users.json");
    writeFileSync(file, JSON.stringify({ users: [{ username: "x", role: "emperor" }] }));
    await expect(importJsonFiles(t.store, t.place.dataDir)).rejects.toThrow(/users\.json cannot be imported: .*role/);
    expect(existsSync(file)).toBe(true);
    writeFileSync(file, "{ not json");
    await expect(importJsonFiles(t.store, t.place.dataDir)).rejects.toThrow(/users\.json is not JSON/);
  });
});
