import type { Store } from "./store";

/** The `huawei_events_seen` table: deliveries of Huawei's event push already acted on, by signature. */
export class HuaweiEventsSeenTable {
  constructor(private readonly store: Store) {}

  /** Records a delivery; false when it was seen before (an exact repeat, on any instance). */
  async firstTime(id: string, now: number): Promise<boolean> {
    const result = await this.store.run((db) => db.insertInto("huaweiEventsSeen").values({ id, seenAt: now }).onConflict((oc) => oc.column("id").doNothing()).executeTakeFirst());
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async purgeBefore(before: number): Promise<number> {
    const result = await this.store.run((db) => db.deleteFrom("huaweiEventsSeen").where("seenAt", "<", before).executeTakeFirst());
    return Number(result.numDeletedRows);
  }
}
