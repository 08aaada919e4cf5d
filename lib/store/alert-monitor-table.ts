import type { Store } from "./store";
import type { AlertMonitorRow } from "./schema";

/** The `alert_monitor` table: the evaluator's last word, read by whichever instance answers the alerts page. */
export class AlertMonitorTable {
  constructor(private readonly store: Store) {}

  async save(row: AlertMonitorRow): Promise<void> {
    await this.store.run((db) =>
      db
        .insertInto("alertMonitor")
        .values(row)
        .onConflict((oc) => oc.column("name").doUpdateSet({ evaluatedAt: row.evaluatedAt, unwatched: row.unwatched }))
        .execute(),
    );
  }

  async get(name: string): Promise<AlertMonitorRow | undefined> {
    return this.store.run((db) => db.selectFrom("alertMonitor").selectAll().where("name", "=", name).executeTakeFirst());
  }
}
