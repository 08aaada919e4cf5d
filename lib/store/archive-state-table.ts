import type { Store } from "./store";

/** The `archive_state` table: the collector's watermark, last run and last error, kept across restarts and instances. */
export class ArchiveStateTable {
  constructor(private readonly store: Store) {}

  async get(key: string): Promise<string | null> {
    const row = await this.store.run((db) => db.selectFrom("archiveState").select("value").where("key", "=", key).executeTakeFirst());
    return row?.value ?? null;
  }

  async all(): Promise<Record<string, string>> {
    const rows = await this.store.run((db) => db.selectFrom("archiveState").selectAll().execute());
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async set(values: Record<string, string>): Promise<void> {
    await this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(values)) {
          await trx.insertInto("archiveState").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
        }
      }),
    );
  }
}
