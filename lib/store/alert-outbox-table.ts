import type { Store } from "./store";
import type { AlertOutboxRow } from "./schema";

/**
 * The `alert_outbox` table as the sender sees it: messages due, claimed for a while before they
 * are sent (a sender that dies mid-send leaves its claim to expire, and the message is sent again
 * under the same idempotency key), then marked with the platform's answer.
 */
export class AlertOutboxTable {
  constructor(private readonly store: Store) {}

  async insert(rows: AlertOutboxRow[]): Promise<void> {
    if (!rows.length) return;
    await this.store.run((db) => db.insertInto("alertOutbox").values(rows).onConflict((oc) => oc.column("idemKey").doNothing()).execute());
  }

  /** Messages due now: waiting, or claimed by a sender whose claim ran out. Claimed until `claimUntil` by this call. */
  async claimDue(now: number, claimUntil: number, limit: number): Promise<AlertOutboxRow[]> {
    return this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom("alertOutbox")
          .selectAll()
          .where((eb) => eb.or([eb.and([eb("state", "=", "pending"), eb("nextAttemptAt", "<=", now)]), eb.and([eb("state", "=", "sending"), eb("claimedUntil", "<", now)])]))
          .orderBy("createdAt")
          .limit(limit)
          .execute();
        if (due.length) {
          await trx
            .updateTable("alertOutbox")
            .set({ state: "sending", claimedUntil: claimUntil })
            .where("id", "in", due.map((r) => r.id))
            .execute();
        }
        return due.map((r) => ({ ...r, state: "sending", claimedUntil: claimUntil }));
      }),
    );
  }

  async delivered(ids: string[], answer: string, at: number, summarized: boolean): Promise<void> {
    if (!ids.length) return;
    await this.store.run((db) =>
      db
        .updateTable("alertOutbox")
        .set((eb) => ({ state: "delivered", answer, deliveredAt: at, claimedUntil: null, summarized: summarized ? 1 : 0, attempts: eb("attempts", "+", 1) }))
        .where("id", "in", ids)
        .execute(),
    );
  }

  /** Another try later; `countAttempt` false when the platform only asked to slow down. */
  async retry(ids: string[], answer: string, nextAttemptAt: number, countAttempt: boolean): Promise<void> {
    if (!ids.length) return;
    await this.store.run((db) =>
      db
        .updateTable("alertOutbox")
        .set((eb) => ({ state: "pending", answer, nextAttemptAt, claimedUntil: null, attempts: countAttempt ? eb("attempts", "+", 1) : eb.ref("attempts") }))
        .where("id", "in", ids)
        .execute(),
    );
  }

  async failed(ids: string[], answer: string): Promise<void> {
    if (!ids.length) return;
    await this.store.run((db) =>
      db
        .updateTable("alertOutbox")
        .set((eb) => ({ state: "failed", answer, claimedUntil: null, attempts: eb("attempts", "+", 1) }))
        .where("id", "in", ids)
        .execute(),
    );
  }

  /** Waiting or being sent, for health. */
  async backlog(): Promise<number> {
    const row = await this.store.run((db) =>
      db.selectFrom("alertOutbox").select((eb) => eb.fn.countAll<number>().as("n")).where("state", "in", ["pending", "sending"]).executeTakeFirst(),
    );
    return Number(row?.n ?? 0);
  }

  /** A test message's row (test messages belong to no alert). */
  async get(id: string): Promise<AlertOutboxRow | undefined> {
    return this.store.run((db) => db.selectFrom("alertOutbox").selectAll().where("id", "=", id).executeTakeFirst());
  }
}
