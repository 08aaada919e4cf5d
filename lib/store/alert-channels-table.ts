import type { Store } from "./store";
import type { AlertChannelRow } from "./schema";

/** The `alert_channels` table. */
export class AlertChannelsTable {
  constructor(private readonly store: Store) {}

  async all(): Promise<AlertChannelRow[]> {
    return this.store.run((db) => db.selectFrom("alertChannels").selectAll().orderBy("createdAt").orderBy("id").execute());
  }

  async get(id: string): Promise<AlertChannelRow | undefined> {
    return this.store.run((db) => db.selectFrom("alertChannels").selectAll().where("id", "=", id).executeTakeFirst());
  }

  async insert(row: AlertChannelRow): Promise<void> {
    await this.store.run((db) => db.insertInto("alertChannels").values(row).execute());
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.store.run((db) => db.deleteFrom("alertChannels").where("id", "=", id).executeTakeFirst());
    return Number(result.numDeletedRows) > 0;
  }

  /** A message went through: the channel is well again. */
  async delivered(id: string, at: number): Promise<void> {
    await this.store.run((db) => db.updateTable("alertChannels").set({ failingSince: null, lastError: null, lastDeliveredAt: at }).where("id", "=", id).execute());
  }

  /** A message failed: keeps when the failing began. */
  async failed(id: string, error: string, at: number): Promise<void> {
    await this.store.run((db) =>
      db
        .updateTable("alertChannels")
        .set((eb) => ({ lastError: error, failingSince: eb.fn.coalesce("failingSince", eb.val(at)) }))
        .where("id", "=", id)
        .execute(),
    );
  }
}
