import { isUniqueViolation } from "./engine";
import type { Store } from "./store";
import type { AlertOutboxRow, AlertRow } from "./schema";

/**
 * The `alerts` table and the messages each writes to the outbox, in the same transaction: an
 * alert is never recorded without its messages, nor a message without its alert.
 */
export class AlertsTable {
  constructor(private readonly store: Store) {}

  /** Records a firing and its messages; false when the rule already fires for the meeting (another evaluator got there first). */
  async open(alert: AlertRow, messages: AlertOutboxRow[]): Promise<boolean> {
    try {
      await this.store.run((db) =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto("alerts").values(alert).execute();
          if (messages.length) await trx.insertInto("alertOutbox").values(messages).onConflict((oc) => oc.column("idemKey").doNothing()).execute();
        }),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** The alert recovered (or its meeting ended): no longer open, with its recovery messages. */
  async recover(id: string, at: number, messages: AlertOutboxRow[]): Promise<void> {
    await this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable("alerts").set({ openKey: null, clearedAt: at }).where("id", "=", id).where("clearedAt", "is", null).execute();
        if (messages.length) await trx.insertInto("alertOutbox").values(messages).onConflict((oc) => oc.column("idemKey").doNothing()).execute();
      }),
    );
  }

  /** A reminder of an alert still firing. */
  async remind(id: string, at: number, messages: AlertOutboxRow[]): Promise<void> {
    await this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable("alerts").set({ lastNotifiedAt: at }).where("id", "=", id).execute();
        if (messages.length) await trx.insertInto("alertOutbox").values(messages).onConflict((oc) => oc.column("idemKey").doNothing()).execute();
      }),
    );
  }

  async firing(): Promise<AlertRow[]> {
    return this.store.run((db) => db.selectFrom("alerts").selectAll().where("clearedAt", "is", null).orderBy("firedAt", "desc").execute());
  }

  /** The latest recovered alerts. */
  async recent(limit: number): Promise<AlertRow[]> {
    return this.store.run((db) => db.selectFrom("alerts").selectAll().where("clearedAt", "is not", null).orderBy("firedAt", "desc").limit(limit).execute());
  }

  async get(id: string): Promise<AlertRow | undefined> {
    return this.store.run((db) => db.selectFrom("alerts").selectAll().where("id", "=", id).executeTakeFirst());
  }

  async ack(id: string, by: string, at: number): Promise<boolean> {
    const result = await this.store.run((db) => db.updateTable("alerts").set({ ackedBy: by, ackedAt: at }).where("id", "=", id).executeTakeFirst());
    return Number(result.numUpdatedRows) > 0;
  }

  async silence(id: string, by: string, until: number): Promise<boolean> {
    const result = await this.store.run((db) => db.updateTable("alerts").set({ silencedBy: by, silencedUntil: until }).where("id", "=", id).executeTakeFirst());
    return Number(result.numUpdatedRows) > 0;
  }

  /** The messages of these alerts, oldest first. */
  async messagesOf(alertIds: string[]): Promise<AlertOutboxRow[]> {
    if (!alertIds.length) return [];
    return this.store.run((db) => db.selectFrom("alertOutbox").selectAll().where("alertId", "in", alertIds).orderBy("createdAt").execute());
  }

  /** Forgets recovered alerts fired before `before`, with their messages; returns how many. */
  async purge(before: number): Promise<number> {
    return this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        const old = trx.selectFrom("alerts").select("id").where("clearedAt", "is not", null).where("firedAt", "<", before);
        await trx.deleteFrom("alertOutbox").where("alertId", "in", old).execute();
        await trx.deleteFrom("alertOutbox").where("alertId", "is", null).where("createdAt", "<", before).execute();
        const result = await trx.deleteFrom("alerts").where("clearedAt", "is not", null).where("firedAt", "<", before).executeTakeFirst();
        return Number(result.numDeletedRows);
      }),
    );
  }
}
