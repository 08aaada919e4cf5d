import type { Transaction } from "kysely";
import type { ArchivedMeetingRow, ArchivePersonRow, AttendanceRecordRow, Database, MeetingDepartmentRow } from "./schema";

export const HOUR_MS = 3_600_000;

/** The key a person is kept under: their number, the one thing all their records carry; or their name without one. */
export function personKeyOf(r: Pick<AttendanceRecordRow, "displayName" | "callNumber">): string {
  return r.callNumber ? `c:${r.callNumber}` : `n:${r.displayName}`;
}

/** A meeting's share of each department: people in it (once each) and their exact time. */
export function departmentShares(meeting: ArchivedMeetingRow, records: readonly AttendanceRecordRow[]): MeetingDepartmentRow[] {
  const hour = Math.floor(meeting.startedAt / HOUR_MS) * HOUR_MS;
  const byDept = new Map<string, { people: Set<string>; ms: number }>();
  for (const r of records) {
    const dept = r.deptName ?? "";
    const entry = byDept.get(dept) ?? { people: new Set<string>(), ms: 0 };
    entry.people.add(`${r.displayName}\u0000${r.callNumber ?? ""}`);
    entry.ms += r.countedMs;
    byDept.set(dept, entry);
  }
  // In one order everywhere, so two saves at once take the rows' locks alike.
  return [...byDept].map(([deptName, e]) => ({ confUuid: meeting.confUuid, deptName, hour, attendances: e.people.size, personMs: e.ms })).sort((a, b) => (a.deptName < b.deptName ? -1 : 1));
}

/** Takes a meeting's old shares out of the hourly sums (before it is replaced or removed). */
export async function withdrawShares(trx: Transaction<Database>, confUuid: string): Promise<void> {
  const old = await trx.selectFrom("meetingDepartments").selectAll().where("confUuid", "=", confUuid).execute();
  for (const s of old) {
    await trx
      .updateTable("departmentHours")
      .set((eb) => ({ meetings: eb("meetings", "-", 1), attendances: eb("attendances", "-", s.attendances), personMs: eb("personMs", "-", s.personMs) }))
      .where("hour", "=", Number(s.hour))
      .where("deptName", "=", s.deptName)
      .execute();
  }
  if (old.length) await trx.deleteFrom("meetingDepartments").where("confUuid", "=", confUuid).execute();
}

/** Adds a meeting's shares to the hourly sums. */
export async function depositShares(trx: Transaction<Database>, shares: readonly MeetingDepartmentRow[]): Promise<void> {
  if (!shares.length) return;
  await trx.insertInto("meetingDepartments").values([...shares]).execute();
  for (const s of shares) {
    await trx
      .insertInto("departmentHours")
      .values({ hour: s.hour, deptName: s.deptName, meetings: 1, attendances: s.attendances, personMs: s.personMs })
      .onConflict((oc) =>
        oc.columns(["hour", "deptName"]).doUpdateSet((eb) => ({
          meetings: eb("departmentHours.meetings", "+", 1),
          attendances: eb("departmentHours.attendances", "+", s.attendances),
          personMs: eb("departmentHours.personMs", "+", s.personMs),
        })),
      )
      .execute();
  }
}

/** Everyone in these records, kept (or refreshed) in the directory a person search reads. */
export async function notePeople(trx: Transaction<Database>, records: readonly AttendanceRecordRow[], seenAt: number): Promise<void> {
  const people = new Map<string, ArchivePersonRow>();
  for (const r of records) {
    const key = personKeyOf(r);
    const known = people.get(key);
    people.set(key, { personKey: key, displayName: r.displayName, callNumber: r.callNumber, account: r.account ?? known?.account ?? null, lastSeen: seenAt });
  }
  const rows = [...people.values()].sort((a, b) => (a.personKey < b.personKey ? -1 : 1));
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto("archivePeople")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column("personKey").doUpdateSet((eb) => ({
          displayName: eb.ref("excluded.displayName"),
          account: eb.fn.coalesce("excluded.account", "archivePeople.account"),
          lastSeen: eb.ref("excluded.lastSeen"),
        })),
      )
      .execute();
  }
}
