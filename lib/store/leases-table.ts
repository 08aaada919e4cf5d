import type { Store } from "./store";

/**
 * The `leases` table: a named job held by one instance at a time. Works alike on both engines
 * (no advisory locks, no Redis), so one collector runs per cluster whatever the deployment.
 */
export class LeasesTable {
  constructor(private readonly store: Store) {}

  /** Takes or renews the lease; true when `holder` has it until `now + ttlMs`. */
  async acquire(name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const expiresAt = now + ttlMs;
    return this.store.run(async (db) => {
      const inserted = await db.insertInto("leases").values({ name, holder, expiresAt }).onConflict((oc) => oc.column("name").doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
      // One statement: of two instances asking at once, one updates the row and the other finds it taken.
      const updated = await db
        .updateTable("leases")
        .set({ holder, expiresAt })
        .where("name", "=", name)
        .where((eb) => eb.or([eb("holder", "=", holder), eb("expiresAt", "<", now)]))
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    });
  }

  async release(name: string, holder: string): Promise<void> {
    await this.store.run((db) => db.deleteFrom("leases").where("name", "=", name).where("holder", "=", holder).execute());
  }

  async holder(name: string, now = Date.now()): Promise<string | null> {
    const row = await this.store.run((db) => db.selectFrom("leases").select(["holder"]).where("name", "=", name).where("expiresAt", ">=", now).executeTakeFirst());
    return row?.holder ?? null;
  }
}
