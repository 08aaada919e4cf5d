import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Engine } from "@/lib/store/engine";
import { Store } from "@/lib/store/store";

/** Every engine the store runs on: tests of the store run once on each. */
export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

/** The machine's PostgreSQL (trust auth); TEST_POSTGRES_URL points elsewhere. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestPlace {
  engine: Engine;
  dataDir: string;
  /** What a dashboard started on this place is given (DATABASE_URL for PostgreSQL). */
  env: Record<string, string>;
  /** Removes the test's database. */
  drop: () => Promise<void>;
}

/** A place of its own for one test: a fresh DATA_DIR, and for PostgreSQL a fresh database on the machine's server. */
export async function testPlace(engine: Engine): Promise<TestPlace> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mm-store-"));
  if (engine === "sqlite") return { engine, dataDir, env: {}, drop: async () => undefined };
  const name = `mm_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { engine, dataDir, env: { DATABASE_URL: url.toString() }, drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** A migrated store on a fresh place; `close` closes it and drops the place. */
export async function testStore(engine: Engine): Promise<{ store: Store; place: TestPlace; close: () => Promise<void> }> {
  const place = await testPlace(engine);
  const store = await Store.fromEnv(place.env, place.dataDir);
  return {
    store,
    place,
    close: async () => {
      await store.close();
      await place.drop();
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
