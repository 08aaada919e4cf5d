import type { Store } from "./store";
import { displayRowSchema, type DisplayRow } from "./schema";

/** The `displays` table. */
export class DisplaysTable {
  constructor(private readonly store: Store) {}

  async all(): Promise<DisplayRow[]> {
    const rows = await this.store.run((db) => db.selectFrom("displays").selectAll().orderBy("createdAt").orderBy("id").execute());
    return rows.map((r) => displayRowSchema.parse(r));
  }

  async insert(display: DisplayRow): Promise<void> {
    await this.store.run((db) => db.insertInto("displays").values(display).execute());
  }

  async insertMissing(displays: DisplayRow[]): Promise<number> {
    if (displays.length === 0) return 0;
    const result = await this.store.run((db) => db.insertInto("displays").values(displays).onConflict((oc) => oc.column("id").doNothing()).executeTakeFirst());
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.store.run((db) => db.deleteFrom("displays").where("id", "=", id).executeTakeFirst());
    return Number(result.numDeletedRows) > 0;
  }
}
