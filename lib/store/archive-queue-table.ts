import type { ArchiveQueueRow } from "./schema";
import type { Store } from "./store";

/** The `archive_queue` table: meetings to collect again (Huawei said one ended, a call failed, records may still change). */
export class ArchiveQueueTable {
  constructor(private readonly store: Store) {}

  /** Adds a meeting, or brings its turn forward to `nextAt` if it waits already. */
  async add(confUuid: string, reason: string, nextAt: number, now = Date.now()): Promise<void> {
    await this.store.run(async (db) => {
      await db
        .insertInto("archiveQueue")
        .values({ confUuid, reason, attempts: 0, nextAt, lastError: null, addedAt: now })
        .onConflict((oc) =>
          oc.column("confUuid").doUpdateSet((eb) => ({
            reason,
            // The earlier of the two turns (neither engine's spelling of least/min is the other's).
            nextAt: eb.case().when("archiveQueue.nextAt", "<", nextAt).then(eb.ref("archiveQueue.nextAt")).else(nextAt).end(),
          })),
        )
        .execute();
    });
  }

  async due(now: number, limit: number): Promise<ArchiveQueueRow[]> {
    return this.store.run((db) => db.selectFrom("archiveQueue").selectAll().where("nextAt", "<=", now).orderBy("nextAt").limit(limit).execute());
  }

  async failed(confUuid: string, attempts: number, nextAt: number, error: string): Promise<void> {
    await this.store.run((db) => db.updateTable("archiveQueue").set({ attempts, nextAt, lastError: error.slice(0, 500), reason: "retry" }).where("confUuid", "=", confUuid).execute());
  }


  async remove(confUuid: string): Promise<void> {
    await this.store.run((db) => db.deleteFrom("archiveQueue").where("confUuid", "=", confUuid).execute());
  }

  async size(): Promise<number> {
    const row = await this.store.run((db) => db.selectFrom("archiveQueue").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow());
    return Number(row.n);
  }
}
