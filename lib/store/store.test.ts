import { writeFileSync, chmodSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PrivatePostgres } from "@/tests/private-postgres";
import { ENGINES, testPlace, type TestPlace } from "@/tests/stores";
import { migrations } from "./migrations";
import { Store, StoreUnavailableError } from "./store";

describe.each(ENGINES)("Store on %s", (engine) => {
  const places: TestPlace[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const p of places.splice(0)) await p.drop();
  });
  const place = async () => {
    const p = await testPlace(engine);
    places.push(p);
    return p;
  };
  const open = async (p: TestPlace) => {
    const s = await Store.fromEnv(p.env, p.dataDir);
    stores.push(s);
    return s;
  };

  it("applies every migration once, also when instances start together", async () => {
    const p = await place();
    const [a, b] = await Promise.all([open(p), open(p)]);
    const applied = await a.db.selectFrom("kysely_migration" as never).select("name" as never).execute();
    expect(applied.map((r) => (r as { name: string }).name)).toEqual(Object.keys(migrations));
    await a.db.insertInto("users").values({ username: "x", passwordHash: "h", role: "admin", huaweiUserId: null, createdAt: "2026-12-02T00:00:00.000Z" }).execute();
    expect(await b.db.selectFrom("users").select("username").execute()).toEqual([{ username: "x" }]);
    const again = await open(p);
    expect((await again.db.selectFrom("kysely_migration" as never).selectAll().execute()).length).toBe(Object.keys(migrations).length);
  });
});

describe("a store that cannot be opened", () => {
  it("is one line naming where, without the password", async () => {
    const err = await Store.fromEnv({ DATABASE_URL: "postgres://app:s3cret@127.0.0.1:1/none" }, tmpdir()).catch((e: Error) => e);
    expect(err).toMatchObject({ name: "ConfigError" });
    expect((err as Error).message).toMatch(/^cannot open the store \(PostgreSQL postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/none\): .+/);
    expect((err as Error).message).not.toMatch(/s3cret|\n/);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", async () => {
    await expect(Store.fromEnv({ DATABASE_URL: "mysql://root@localhost/x" }, tmpdir())).rejects.toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it("names a SQLite file that is not a database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mm-store-"));
    writeFileSync(path.join(dir, "meeting-monitor.sqlite"), "this is not a database, it is a text file long enough to have a header");
    await expect(Store.fromEnv({}, dir)).rejects.toThrow(/^cannot open the store \(SQLite .*meeting-monitor\.sqlite\): file is not a database/);
  });

  it("keeps the SQLite file readable by its owner only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mm-store-"));
    const s = await Store.fromEnv({}, dir);
    await s.close();
    const file = path.join(dir, "meeting-monitor.sqlite");
    chmodSync(file, 0o644);
    await (await Store.fromEnv({}, dir)).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe("a store that goes away", () => {
  it("answers StoreUnavailableError and says down, then up again once it answers", async () => {
    const server = await PrivatePostgres.create();
    const s = await Store.fromEnv({ DATABASE_URL: server.url }, tmpdir());
    try {
      expect(s.status().state).toBe("up");
      await server.stop();
      await expect(s.run((db) => db.selectFrom("users").selectAll().execute())).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(s.status()).toMatchObject({ state: "down", engine: "postgres" });
      await server.start();
      await expect.poll(() => s.run((db) => db.selectFrom("users").selectAll().execute()).then(() => s.status().state, () => s.status().state), { timeout: 10_000 }).toBe("up");
      expect(s.status().lastError).toBeTruthy();
    } finally {
      await s.close();
      await server.destroy();
    }
  });
});
