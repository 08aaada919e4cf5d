import type { Store } from "./store";
import type { AlertRuleRow } from "./schema";

/** The `alert_rules` table: each rule's settings as JSON, checked against its schema where read. */
export class AlertRulesTable {
  constructor(private readonly store: Store) {}

  async all(): Promise<AlertRuleRow[]> {
    return this.store.run((db) => db.selectFrom("alertRules").selectAll().orderBy("createdAt").orderBy("id").execute());
  }

  async insert(row: AlertRuleRow): Promise<void> {
    await this.store.run((db) => db.insertInto("alertRules").values(row).execute());
  }

  async get(id: string): Promise<AlertRuleRow | undefined> {
    return this.store.run((db) => db.selectFrom("alertRules").selectAll().where("id", "=", id).executeTakeFirst());
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.store.run((db) => db.deleteFrom("alertRules").where("id", "=", id).executeTakeFirst());
    return Number(result.numDeletedRows) > 0;
  }
}
