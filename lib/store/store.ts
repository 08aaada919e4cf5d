import { CamelCasePlugin, Kysely, Migrator, sql } from "kysely";
import { ConfigError } from "@/lib/config-error";
import { logger } from "@/lib/logger";
import { createDialect, describeLocation, isUnreachable, storeLocation, type Engine, type StoreLocation } from "./engine";
import { migrations } from "./migrations";
import type { Database } from "./schema";

/** Thrown when the store cannot be reached; told to clients as 503 store_unavailable. */
export class StoreUnavailableError extends Error {
  constructor(message = "The dashboard's database cannot be reached right now; try again shortly.") {
    super(message);
    this.name = "StoreUnavailableError";
  }
}

/**
 * The dashboard's own database, opened and migrated. Queries go through `run`, which turns a
 * store that went away into StoreUnavailableError and keeps `status()` true to what it last saw,
 * so the live dashboard carries on (health says degraded) and what needs the store answers 503.
 */
export class Store {
  private reachable = true;
  private lastError: string | null = null;
  private checks?: NodeJS.Timeout;
  private closed = false;

  private constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    /** Where it is, without a password. */
    readonly where: string,
  ) {}

  /** Opens and migrates; a store that cannot be opened or migrated is a ConfigError of one line. */
  static async open(location: StoreLocation): Promise<Store> {
    const where = describeLocation(location);
    let db: Kysely<Database>;
    try {
      const { dialect, engine } = createDialect(location);
      db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
      const store = new Store(db, engine, where);
      await store.migrate();
      return store;
    } catch (error) {
      throw new ConfigError(`cannot open the store (${where}): ${(error as Error).message.split("\n")[0]}`);
    }
  }

  static async fromEnv(env: Record<string, string | undefined>, dataDir: string): Promise<Store> {
    return Store.open(storeLocation(env, dataDir));
  }

  private async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: { getMigrations: async () => migrations } });
    for (let attempt = 1; ; attempt++) {
      const { error, results } = await migrator.migrateToLatest();
      if (!error) {
        for (const r of results ?? []) logger.info({ migration: r.migrationName, store: this.where }, "store migrated");
        return;
      }
      // Kysely locks migrations in PostgreSQL, not across SQLite connections: a process that
      // migrated the same file first makes this one's transaction fail whole, and the next
      // attempt finds the migration done.
      const message = (error as Error).message ?? String(error);
      if (this.engine === "sqlite" && attempt < 5 && /already exists|SQLITE_BUSY|database is locked/.test(message)) {
        await new Promise((r) => setTimeout(r, 100 * attempt));
        continue;
      }
      const failed = results?.find((r) => r.status === "Error")?.migrationName;
      throw new Error(`${failed ? `migration ${failed} failed: ` : ""}${message}`);
    }
  }

  /** A query, with an unreachable store told as StoreUnavailableError. */
  async run<T>(query: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    try {
      const result = await query(this.db);
      this.markReachable();
      return result;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.markUnreachable(error);
      throw new StoreUnavailableError();
    }
  }

  status(): { state: "up" | "down"; engine: Engine; lastError: string | null } {
    return { state: this.reachable ? "up" : "down", engine: this.engine, lastError: this.lastError };
  }

  /** How much disk the store takes: the SQLite file with its write-ahead log, or the PostgreSQL database. */
  async sizeBytes(): Promise<number> {
    return this.run(async (db) => {
      if (this.engine === "postgres") {
        const { rows } = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(db);
        return Number(rows[0]!.size);
      }
      const { rows } = await sql<{ size: number }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`.execute(db);
      return Number(rows[0]!.size);
    });
  }

  /** Looks every `intervalMs` whether the store answers, so health tells an outage nobody's query met. */
  monitor(intervalMs = 2_000): void {
    if (this.engine === "sqlite" || this.checks) return;
    this.checks = setInterval(() => {
      void this.run((db) => sql`select 1`.execute(db)).catch(() => undefined);
    }, intervalMs);
    this.checks.unref();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.checks);
    await this.db.destroy();
  }

  private markReachable(): void {
    if (this.reachable) return;
    this.reachable = true;
    logger.info({ store: this.where }, "store reachable again");
  }

  private markUnreachable(error: unknown): void {
    this.lastError = (error as Error).message;
    if (!this.reachable) return;
    this.reachable = false;
    logger.warn({ store: this.where, err: this.lastError }, "store unreachable: the live dashboard carries on; what needs the store answers 503");
  }
}
