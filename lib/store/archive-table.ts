import { sql, type RawBuilder, type SqlBool } from "kysely";
import { archivedMeetingRowSchema, attendanceRecordRowSchema, type ArchivedMeetingRow, type ArchiveQualityRow, type AttendanceRecordRow, type ControlRecordRow } from "./schema";
import type { MeetingHealth } from "@/lib/domain/quality";
import { isConflict } from "./engine";
import { departmentShares, depositShares, HOUR_MS, notePeople, withdrawShares } from "./archive-rollups";
import type { Store } from "./store";

/** One meeting as the collector stores it. */
export interface SavedMeeting {
  meeting: ArchivedMeetingRow;
  records: readonly AttendanceRecordRow[];
  accessKeys: readonly string[];
  controls?: readonly ControlRecordRow[];
  /** Each person's quality alarms; absent where Huawei gave none this time (what was kept stays). */
  quality?: readonly ArchiveQualityRow[];
}

/** Who is asking: null for the whole enterprise (admins), else a host's access keys (see MeetingAccessRow). */
export type AccessKeys = readonly string[] | null;

export interface ArchiveCounts {
  meetings: number;
  records: number;
  oldestStart: number | null;
}

export interface TimeRange {
  from: number;
  to: number;
}

/** One record with the meeting it belongs to, for the people report. */
export type PersonRecordRow = Pick<AttendanceRecordRow, "confUuid" | "displayName" | "callNumber" | "account" | "deptName" | "joinTime" | "leftTime" | "countedMs"> &
  Pick<ArchivedMeetingRow, "conferenceId" | "subject" | "startedAt" | "endedAt">;

export interface DepartmentBucketRow {
  deptName: string | null;
  /** Days since the epoch, in the zone's offset. */
  day: number;
  meetings: number;
  attendances: number;
  personMs: number;
}

// SQLite takes at most 32,766 values in one statement; 13 columns a record.
const RECORDS_PER_INSERT = 1_000;
const DAY_MS = 86_400_000;
/** The alarm columns of a person's quality row. */
const ALARMS = ["audioSend", "audioReceive", "videoSend", "videoReceive", "screenSend", "screenReceive", "cpu"] as const;

/** The department report is read in windows of this length. */
const REPORT_WINDOW_MS = 31 * DAY_MS;
/** People a person search looks at once (a name's part may match many). */
const PEOPLE_MATCH_LIMIT = 200;

/** The attendance archive: past meetings, their join sessions and who may see them. */
export class ArchiveTable {
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  /** Stores a meeting whole, replacing what was there: collecting one twice never stores a record twice. */
  async save(meeting: ArchivedMeetingRow, records: readonly AttendanceRecordRow[], accessKeys: readonly string[], controls: readonly ControlRecordRow[] = []): Promise<void> {
    await this.saveMany([{ meeting, records, accessKeys, controls }]);
  }

  /** Several meetings in one transaction (a bulk load; the collector stores one at a time). */
  async saveMany(items: readonly SavedMeeting[]): Promise<void> {
    // Saves share hourly sums and people: one at a time in this process (fetching stays parallel),
    // and one that another process's save deadlocked with is run again.
    const turn = this.writes.then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.saveOnce(items);
        } catch (error) {
          if (!isConflict(error) || attempt >= 5) throw error;
          await new Promise((r) => setTimeout(r, 20 * attempt * Math.random()));
        }
      }
    });
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  private async saveOnce(items: readonly SavedMeeting[]): Promise<void> {
    await this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        for (const { meeting, records, accessKeys, controls = [], quality } of items) {
          await withdrawShares(trx, meeting.confUuid);
          await trx.deleteFrom("attendanceRecords").where("confUuid", "=", meeting.confUuid).execute();
          await trx.deleteFrom("meetingAccess").where("confUuid", "=", meeting.confUuid).execute();
          await trx.deleteFrom("archivedMeetings").where("confUuid", "=", meeting.confUuid).execute();
          await trx.insertInto("archivedMeetings").values(meeting).execute();
          for (let i = 0; i < records.length; i += RECORDS_PER_INSERT) {
            await trx.insertInto("attendanceRecords").values(records.slice(i, i + RECORDS_PER_INSERT)).execute();
          }
          await trx.deleteFrom("controlRecords").where("confUuid", "=", meeting.confUuid).execute();
          for (let i = 0; i < controls.length; i += RECORDS_PER_INSERT) {
            await trx.insertInto("controlRecords").values(controls.slice(i, i + RECORDS_PER_INSERT)).execute();
          }
          if (quality) {
            await trx.deleteFrom("archiveQuality").where("confUuid", "=", meeting.confUuid).execute();
            for (let i = 0; i < quality.length; i += RECORDS_PER_INSERT) {
              await trx.insertInto("archiveQuality").values(quality.slice(i, i + RECORDS_PER_INSERT)).execute();
            }
          }
          const keys = [...new Set(accessKeys)];
          if (keys.length) await trx.insertInto("meetingAccess").values(keys.map((userKey) => ({ confUuid: meeting.confUuid, userKey }))).execute();
          await depositShares(trx, departmentShares(meeting, records));
          await notePeople(trx, records, meeting.startedAt);
        }
      }),
    );
  }

  /**
   * The health of these archived meetings from the people's alarms kept (a meeting's alarm is
   * any of its people's), with how many people had one and when Huawei was asked; meetings kept
   * without quality are absent.
   */
  async healthOf(confUuids: readonly string[]): Promise<Map<string, MeetingHealth>> {
    const out = new Map<string, MeetingHealth>();
    for (let i = 0; i < confUuids.length; i += 500) {
      const chunk = confUuids.slice(i, i + 500);
      const rows = await this.store.run((db) =>
        db
          .selectFrom("archiveQuality")
          .innerJoin("archivedMeetings", "archivedMeetings.confUuid", "archiveQuality.confUuid")
          .select((eb) => [
            "archiveQuality.confUuid",
            eb.fn.max("archivedMeetings.collectedAt").as("collectedAt"),
            eb.fn.max(eb("audioSend", "+", eb.ref("audioReceive"))).as("audio"),
            eb.fn.max(eb("videoSend", "+", eb.ref("videoReceive"))).as("video"),
            eb.fn.max(eb("screenSend", "+", eb.ref("screenReceive"))).as("screen"),
            eb.fn.max("cpu").as("cpu"),
            // Who had any alarm: a person counted once, however many rows and alarms they have.
            eb.fn
              .count<number>(
                eb
                  .case()
                  .when(eb.or(ALARMS.map((c) => eb(c, "=", 1))))
                  .then(eb.ref("archiveQuality.participantId"))
                  .end(),
              )
              .distinct()
              .as("people"),
          ])
          .where("archiveQuality.confUuid", "in", chunk)
          .groupBy("archiveQuality.confUuid")
          .execute(),
      );
      for (const r of rows) {
        const fetchedAt = new Date(Number(r.collectedAt)).toISOString();
        out.set(r.confUuid, { audio: Number(r.audio) > 0, video: Number(r.video) > 0, screen: Number(r.screen) > 0, cpu: Number(r.cpu) > 0, affected: Number(r.people), fetchedAt });
      }
    }
    return out;
  }

  /** A meeting's control operations in Huawei's order. */
  async controls(confUuid: string): Promise<ControlRecordRow[]> {
    return this.store.run((db) => db.selectFrom("controlRecords").selectAll().where("confUuid", "=", confUuid).orderBy("seq").execute());
  }

  /** Of these meetings, those archived, and whether each is settled. */
  async settledOf(confUuids: readonly string[]): Promise<Map<string, boolean>> {
    const found = new Map<string, boolean>();
    for (let i = 0; i < confUuids.length; i += 500) {
      const chunk = confUuids.slice(i, i + 500);
      const rows = await this.store.run((db) => db.selectFrom("archivedMeetings").select(["confUuid", "settled"]).where("confUuid", "in", chunk).execute());
      for (const r of rows) found.set(r.confUuid, r.settled === 1);
    }
    return found;
  }

  async meeting(confUuid: string, access: AccessKeys): Promise<{ meeting: ArchivedMeetingRow; records: AttendanceRecordRow[] } | undefined> {
    return this.store.run(async (db) => {
      const row = await db.selectFrom("archivedMeetings").selectAll().where("confUuid", "=", confUuid).where(visible(access)).executeTakeFirst();
      if (!row) return undefined;
      const records = await db.selectFrom("attendanceRecords").selectAll().where("confUuid", "=", confUuid).orderBy("seq").execute();
      return { meeting: archivedMeetingRowSchema.parse(row), records: records.map((r) => attendanceRecordRowSchema.parse(r)) };
    });
  }

  async counts(): Promise<ArchiveCounts> {
    return this.store.run(async (db) => {
      const meetings = await db
        .selectFrom("archivedMeetings")
        .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("startedAt").as("oldest")])
        .executeTakeFirstOrThrow();
      const records = await db.selectFrom("attendanceRecords").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return { meetings: Number(meetings.n), records: Number(records.n), oldestStart: meetings.oldest === null ? null : Number(meetings.oldest) };
    });
  }

  /**
   * Removes meetings that started before `before` (taken down to the hour, so the hourly sums go
   * whole), with their records; says how many of each.
   */
  async purgeBefore(before: number): Promise<{ meetings: number; records: number }> {
    const hour = Math.floor(before / HOUR_MS) * HOUR_MS;
    return this.store.run((db) =>
      db.transaction().execute(async (trx) => {
        const old = trx.selectFrom("archivedMeetings").select("confUuid").where("startedAt", "<", hour);
        const records = await trx.deleteFrom("attendanceRecords").where("confUuid", "in", old).executeTakeFirst();
        await trx.deleteFrom("meetingAccess").where("confUuid", "in", old).execute();
        await trx.deleteFrom("meetingDepartments").where("confUuid", "in", old).execute();
        await trx.deleteFrom("controlRecords").where("confUuid", "in", old).execute();
        await trx.deleteFrom("archiveQuality").where("confUuid", "in", old).execute();
        await trx.deleteFrom("departmentHours").where("hour", "<", hour).execute();
        const meetings = await trx.deleteFrom("archivedMeetings").where("startedAt", "<", hour).executeTakeFirst();
        return { meetings: Number(meetings.numDeletedRows), records: Number(records.numDeletedRows) };
      }),
    );
  }

  /** Past meetings that started in the range, newest first, matching `q` on subject, scheduler or meeting ID. */
  async search(range: TimeRange, q: string, access: AccessKeys, limit: number): Promise<ArchivedMeetingRow[]> {
    const rows = await this.store.run((db) => {
      let query = db
        .selectFrom("archivedMeetings")
        .selectAll()
        .where("startedAt", ">=", range.from)
        .where("startedAt", "<=", range.to)
        .where(visible(access));
      if (q) {
        const like = `%${escapeLike(q.toLowerCase())}%`;
        query = query.where((eb) =>
          eb.or([
            eb(eb.fn("lower", ["subject"]), "like", sql<string>`${like} escape '\\'`),
            eb(eb.fn("lower", ["schedulerName"]), "like", sql<string>`${like} escape '\\'`),
            eb("conferenceId", "=", q),
          ]),
        );
      }
      return query.orderBy("startedAt", "desc").limit(limit).execute();
    });
    return rows.map((r) => archivedMeetingRowSchema.parse(r));
  }

  /** Meeting IDs held more than once in the range: how often, and when last. */
  async seriesList(range: TimeRange, access: AccessKeys, limit: number): Promise<{ conferenceId: string; occurrences: number; lastStart: number; firstStart: number }[]> {
    const rows = await this.store.run((db) =>
      db
        .selectFrom("archivedMeetings")
        .select((eb) => ["conferenceId", eb.fn.countAll<number>().as("occurrences"), eb.fn.max("startedAt").as("lastStart"), eb.fn.min("startedAt").as("firstStart")])
        .where("startedAt", ">=", range.from)
        .where("startedAt", "<=", range.to)
        .where(visible(access))
        .groupBy("conferenceId")
        .having((eb) => eb.fn.countAll(), ">", 1)
        .orderBy("lastStart", "desc")
        .limit(limit)
        .execute(),
    );
    return rows.map((r) => ({ conferenceId: r.conferenceId, occurrences: Number(r.occurrences), lastStart: Number(r.lastStart), firstStart: Number(r.firstStart) }));
  }

  /** The subject of each meeting ID's latest occurrence. */
  async latestSubjects(conferenceIds: readonly string[]): Promise<Map<string, string>> {
    if (!conferenceIds.length) return new Map();
    const rows = await this.store.run((db) =>
      db.selectFrom("archivedMeetings").select(["conferenceId", "subject", "startedAt"]).where("conferenceId", "in", conferenceIds as string[]).orderBy("startedAt").execute(),
    );
    return new Map(rows.map((r) => [r.conferenceId, r.subject]));
  }

  /** The occurrences of one meeting ID in the range, oldest first. */
  async occurrences(conferenceId: string, range: TimeRange, access: AccessKeys): Promise<ArchivedMeetingRow[]> {
    const rows = await this.store.run((db) =>
      db
        .selectFrom("archivedMeetings")
        .selectAll()
        .where("conferenceId", "=", conferenceId)
        .where("startedAt", ">=", range.from)
        .where("startedAt", "<=", range.to)
        .where(visible(access))
        .orderBy("startedAt")
        .execute(),
    );
    return rows.map((r) => archivedMeetingRowSchema.parse(r));
  }

  async recordsOf(confUuids: readonly string[]): Promise<AttendanceRecordRow[]> {
    const out: AttendanceRecordRow[] = [];
    for (let i = 0; i < confUuids.length; i += 500) {
      const chunk = confUuids.slice(i, i + 500);
      out.push(...(await this.store.run((db) => db.selectFrom("attendanceRecords").selectAll().where("confUuid", "in", chunk).orderBy("confUuid").orderBy("seq").execute())));
    }
    return out;
  }

  /**
   * Records of people matching `q` (a name's part, or a number or account exactly) in meetings
   * that started in the range, at most `limit`. The people are found in the archive's directory of
   * people, then their records by person key (indexed), so a year of records is never scanned.
   */
  async personRecords(q: string, range: TimeRange, access: AccessKeys, limit: number): Promise<PersonRecordRow[]> {
    const like = `%${escapeLike(q.toLowerCase())}%`;
    return this.store.run(async (db) => {
      const people = await db
        .selectFrom("archivePeople")
        .select("personKey")
        .where((eb) => eb.or([eb(eb.fn("lower", ["displayName"]), "like", sql<string>`${like} escape '\\'`), eb("callNumber", "=", q), eb("account", "=", q)]))
        .limit(PEOPLE_MATCH_LIMIT)
        .execute();
      if (!people.length) return [];
      return db
        .selectFrom("attendanceRecords as r")
        .innerJoin("archivedMeetings as m", "m.confUuid", "r.confUuid")
        .select(["r.confUuid", "r.displayName", "r.callNumber", "r.account", "r.deptName", "r.joinTime", "r.leftTime", "r.countedMs", "m.conferenceId", "m.subject", "m.startedAt", "m.endedAt"])
        .where("r.personKey", "in", people.map((p) => p.personKey))
        .where("m.startedAt", ">=", range.from)
        .where("m.startedAt", "<=", range.to)
        .where(visible(access, "m.confUuid"))
        .orderBy("m.startedAt", "desc")
        .limit(limit)
        .execute();
    });
  }

  /**
   * Per department and day (in a zone `offsetMs` from UTC): meetings attended, attendances (a
   * person in a meeting) and person-milliseconds. The whole enterprise reads the hourly sums kept
   * as meetings are stored (at most 24 rows a department a day); a host, their meetings' shares.
   * Days are cut at whole UTC hours: a zone of half an hour's offset sees its days half an hour off.
   */
  async departmentDays(range: TimeRange, offsetMs: number, access: AccessKeys): Promise<DepartmentBucketRow[]> {
    // A month at a time, the event loop free between them: SQLite answers synchronously, and a year
    // at once held the relay for a third of a second. Windows start at the range's midnight, so a
    // day never straddles two.
    const out: DepartmentBucketRow[] = [];
    for (let from = range.from; from <= range.to; from += REPORT_WINDOW_MS) {
      out.push(...(await this.departmentWindow({ from, to: Math.min(range.to, from + REPORT_WINDOW_MS - 1) }, offsetMs, access)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }

  private async departmentWindow(range: TimeRange, offsetMs: number, access: AccessKeys): Promise<DepartmentBucketRow[]> {
    const from = range.from;
    const rows = await this.store.run((db) => {
      // Literals, not parameters: PostgreSQL matches the select's expression to the group-by's by its text.
      const day = (column: string) => sql<number>`(${sql.ref(column)} + ${sql.lit(Math.trunc(offsetMs))}) / ${sql.lit(DAY_MS)}`;
      if (access === null) {
        return db
          .selectFrom("departmentHours")
          .select((eb) => ["deptName", day("hour").as("day"), eb.fn.sum<number>("meetings").as("meetings"), eb.fn.sum<number>("attendances").as("attendances"), eb.fn.sum<number>("personMs").as("personMs")])
          .where("hour", ">=", from)
          .where("hour", "<=", range.to)
          .groupBy(["deptName", day("hour")])
          .having((eb) => eb.fn.sum("meetings"), ">", 0)
          .execute();
      }
      return db
        .selectFrom("meetingDepartments as d")
        .select((eb) => ["d.deptName", day("d.hour").as("day"), eb.fn.countAll<number>().as("meetings"), eb.fn.sum<number>("d.attendances").as("attendances"), eb.fn.sum<number>("d.personMs").as("personMs")])
        .where("d.hour", ">=", from)
        .where("d.hour", "<=", range.to)
        .where(visible(access, "d.confUuid"))
        .groupBy(["d.deptName", day("d.hour")])
        .execute();
    });
    return rows.map((r) => ({ deptName: r.deptName || null, day: Math.floor(Number(r.day)), meetings: Number(r.meetings), attendances: Number(r.attendances), personMs: Number(r.personMs) }));
  }
}

/** A host sees the archived meetings one of their keys was given; an admin all. */
function visible(access: AccessKeys, column = "confUuid"): RawBuilder<SqlBool> {
  if (access === null) return sql<SqlBool>`1 = 1`;
  if (access.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (select ${sql.ref("meetingAccess.confUuid")} from ${sql.table("meetingAccess")} where ${sql.ref("meetingAccess.userKey")} in (${sql.join(access)}))`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

