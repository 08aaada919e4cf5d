import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import pg from "pg";
import { ConfigError } from "@/lib/config-error";

/**
 * Everything that differs between the two engines lives here: where the store is, how it is
 * opened, and how each engine spells a failure. Queries elsewhere are written once, in Kysely.
 */
export type Engine = "sqlite" | "postgres";

export type StoreLocation = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

/** `DATABASE_URL=postgres://...` selects PostgreSQL; otherwise a SQLite file in DATA_DIR. */
export function storeLocation(env: Record<string, string | undefined>, dataDir: string): StoreLocation {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { engine: "sqlite", file: path.join(dataDir, "meeting-monitor.sqlite") };
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got "${redact(url)}"`);
  return { engine: "postgres", url };
}

/** The location without a password, for logs and errors. */
export function describeLocation(location: StoreLocation): string {
  return location.engine === "sqlite" ? `SQLite ${location.file}` : `PostgreSQL ${redact(location.url)}`;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

// int8 (bigint) columns hold epoch milliseconds, far inside the range a JS number holds exactly;
// pg would hand them over as strings. Counts (count(*)) are int8 too.
const INT8 = 20;
const NUMERIC = 1700;
const pgTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") => (oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)),
};

export interface OpenedDialect {
  dialect: Dialect;
  engine: Engine;
}

export function createDialect(location: StoreLocation): OpenedDialect {
  if (location.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: location.url, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000, types: pgTypes });
    // A server that goes away makes idle clients emit errors; the store's health check reports it.
    pool.on("error", () => undefined);
    return { engine: "postgres", dialect: new PostgresDialect({ pool }) };
  }
  mkdirSync(path.dirname(location.file), { recursive: true, mode: 0o700 });
  const database = new SQLite(location.file, { timeout: 5_000 });
  chmodSync(location.file, 0o600);
  // WAL lets `npm run user` write while the server reads; the busy timeout above waits out its lock.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  return { engine: "sqlite", dialect: new SqliteDialect({ database }) };
}

/** A second insert of the same key, in either engine's words. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || e?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** Two transactions took each other's locks (PostgreSQL chose this one to fail) or SQLite stayed busy: worth running again. */
export function isConflict(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === "40P01" || e?.code === "40001" || e?.code === "SQLITE_BUSY";
}

/** The store could not be reached (PostgreSQL down or refusing), as opposed to a bad query. */
export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"].includes(e.code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i.test(e.message ?? "");
}
