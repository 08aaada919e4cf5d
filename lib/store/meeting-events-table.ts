import { withinInstant } from "@/lib/domain/replay";
import type { Store } from "./store";
import type { MeetingEventRow, MeetingLogSpanRow } from "./schema";


/** Rows a statement writes at most (PostgreSQL's 65,535 parameters over 7 columns). */
const CHUNK = 1_000;

/** The `meeting_events` and `meeting_log_spans` tables: the replay's log and when it was written. */
export class MeetingEventsTable {
  constructor(private readonly store: Store) {}

  /** Appends changes and opens or extends spans, in one transaction; a change already kept is skipped. */
  async append(events: MeetingEventRow[], spans: MeetingLogSpanRow[]): Promise<void> {
    if (!events.length && !spans.length) return;
    await this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < events.length; i += CHUNK) {
          await trx
            .insertInto("meetingEvents")
            .values(events.slice(i, i + CHUNK))
            .onConflict((oc) => oc.columns(["conferenceId", "at", "pid", "field", "value"]).doNothing())
            .execute();
        }
        // Every open span in one statement: a write a second for each watched meeting would hold SQLite's caller.
        for (let i = 0; i < spans.length; i += CHUNK) {
          await trx
            .insertInto("meetingLogSpans")
            .values(spans.slice(i, i + CHUNK))
            .onConflict((oc) => oc.column("spanId").doUpdateSet((eb) => ({ toAt: eb.ref("excluded.toAt") })))
            .execute();
        }
      }),
    );
  }

  /** A meeting's changes between two instants, in order: by time, then within one instant a join first and a leave last. */
  async between(conferenceId: string, from: number, to: number): Promise<MeetingEventRow[]> {
    const rows = await this.store.run((db) =>
      db.selectFrom("meetingEvents").selectAll().where("conferenceId", "=", conferenceId).where("at", ">=", from).where("at", "<=", to).orderBy("at").orderBy("seenAt").execute(),
    );
    return rows.sort((a, b) => a.at - b.at || a.seenAt - b.seenAt || withinInstant(a) - withinInstant(b));
  }

  /** One person's changes in a meeting since `since` (not the state found when watching began, nor who spoke when), the newest `limit`, oldest first. */
  async changesOf(conferenceId: string, pid: string, since: number, limit: number): Promise<MeetingEventRow[]> {
    const rows = await this.store.run((db) =>
      db.selectFrom("meetingEvents").selectAll().where("conferenceId", "=", conferenceId).where("pid", "=", pid).where("initial", "=", 0).where("field", "!=", "speaking").where("at", ">=", since).orderBy("at", "desc").orderBy("seenAt", "desc").limit(limit).execute(),
    );
    return rows.reverse();
  }

  /** The spans of a meeting's log overlapping [from, to]. */
  async spans(conferenceId: string, from: number, to: number): Promise<MeetingLogSpanRow[]> {
    return this.store.run((db) =>
      db.selectFrom("meetingLogSpans").selectAll().where("conferenceId", "=", conferenceId).where("fromAt", "<=", to).where("toAt", ">=", from).orderBy("fromAt").execute(),
    );
  }

  /** How many changes were seen between two instants (for the benchmarks and the metrics). */
  async countSeen(from: number, to: number): Promise<number> {
    const row = await this.store.run((db) => db.selectFrom("meetingEvents").select((eb) => eb.fn.countAll<number>().as("n")).where("seenAt", ">=", from).where("seenAt", "<=", to).executeTakeFirst());
    return Number(row?.n ?? 0);
  }

  /** Forgets what is older than `before`; returns how many changes went. */
  async purge(before: number): Promise<number> {
    return this.store.run(async (db) => {
      await db.deleteFrom("meetingLogSpans").where("toAt", "<", before).execute();
      const result = await db.deleteFrom("meetingEvents").where("at", "<", before).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }
}
