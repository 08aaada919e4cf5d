import { z } from "zod";
import { concurrencySeries, median, peakConcurrency, totalLength, type Interval } from "@/lib/attendance/intervals";
import type { AttendeeRecord } from "@/lib/huawei/schemas";
import { attendeeSchema, meetingSchema, type Attendee, type Meeting } from "./meeting";
import { missingInvitees } from "./presence";
import { deviceKind, deviceKindSchema, mediaKind, mediaKindSchema } from "./record-words";

export const sessionSchema = z.object({
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime(),
  /** True when Huawei gave no leave time and the meeting's end stands in for it. */
  open: z.boolean(),
  /** Huawei's words, in the language the call asked for. */
  device: z.string().nullable(),
  media: z.string().nullable(),
  /** The same, recognised: what the page and exports show in the UI's words. */
  deviceKind: deviceKindSchema.nullable(),
  mediaKind: mediaKindSchema.nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const personSchema = z.object({
  name: z.string(),
  callNumber: z.string().nullable(),
  department: z.string().nullable(),
  sessions: z.array(sessionSchema),
  firstJoinedAt: z.iso.datetime(),
  lastLeftAt: z.iso.datetime(),
  /** The union of the sessions: a rejoin or a second device never counts twice. */
  durationMs: z.number().int().min(0),
  /** durationMs over the meeting's length, 0 to 1. */
  shareOfMeeting: z.number().min(0).max(1),
  lateJoiner: z.boolean(),
  earlyLeaver: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const attendanceSummarySchema = z.object({
  people: z.number().int(),
  peakConcurrent: z.number().int(),
  peakAt: z.iso.datetime().nullable(),
  medianDurationMs: z.number().nullable(),
  meetingStart: z.iso.datetime(),
  meetingEnd: z.iso.datetime(),
});

export const attendanceResponseSchema = z.object({
  confUUID: z.string(),
  meeting: meetingSchema,
  people: z.array(personSchema),
  recordCount: z.number().int(),
  summary: attendanceSummarySchema,
  /** People present over time, for the chart. */
  series: z.array(z.object({ t: z.iso.datetime(), count: z.number().int() })),
  /** How many were invited, and those of them who never joined. */
  invited: z.number().int(),
  absent: z.array(attendeeSchema),
  /** Where it came from: Huawei's answer, or the dashboard's archive once Huawei no longer has it (or is down). */
  source: z.enum(["huawei", "archive"]),
  /** When the archive copied it (archive only). */
  archivedAt: z.iso.datetime().optional(),
});
export type AttendanceResponse = z.infer<typeof attendanceResponseSchema>;

/** Joining this long after the start, or leaving this long before the end, is flagged. */
export const LATE_OR_EARLY_MS = 5 * 60_000;
const SERIES_POINTS = 120;

const iso = (ms: number) => new Date(ms).toISOString();

/** The meeting's start and end as attendance counts them: Huawei's end has minute precision and records may run a few seconds past it. */
export function meetingSpan(meeting: Meeting, records: readonly AttendeeRecord[]): { start: number; end: number } {
  const leaves = records.map((r) => r.leftTime ?? 0).filter((t) => t > 0);
  const start = meeting.startTime ? Date.parse(meeting.startTime) : Math.min(...records.map((r) => r.joinTime));
  const endFromMeeting = meeting.endTime ? Date.parse(meeting.endTime) : Number.NaN;
  return { start, end: Math.max(Number.isNaN(endFromMeeting) ? start : endFromMeeting, ...leaves, start) };
}

/** The name a record is counted under. */
export function personName(r: Pick<AttendeeRecord, "displayName" | "callNumber">): string {
  return r.displayName?.trim() || r.callNumber || "(unnamed)";
}

/** One person: one display name with one call number. */
export function personKey(r: Pick<AttendeeRecord, "displayName" | "callNumber">): string {
  return `${personName(r)}\u0000${r.callNumber ?? ""}`;
}

/** A session as attendance counts it: an open one (no leave time) ends with the meeting. */
export function sessionEnd(r: Pick<AttendeeRecord, "joinTime" | "leftTime">, meetingEnd: number): { end: number; open: boolean } {
  const open = !r.leftTime || r.leftTime <= 0;
  return { open, end: open ? Math.max(meetingEnd, r.joinTime) : Math.max(r.leftTime!, r.joinTime) };
}

/**
 * Huawei gives one record per join session. A person is one display name with one call number:
 * their sessions are merged, and open sessions end with the meeting.
 */
export function buildAttendance(confUUID: string, meeting: Meeting, records: readonly AttendeeRecord[], invitees: readonly Attendee[] = []): Omit<AttendanceResponse, "source" | "archivedAt"> {
  const { start, end } = meetingSpan(meeting, records);
  const length = Math.max(1, end - start);

  const byPerson = new Map<string, { name: string; callNumber: string | null; department: string | null; records: AttendeeRecord[] }>();
  for (const r of records) {
    const name = personName(r);
    const key = personKey(r);
    let entry = byPerson.get(key);
    if (!entry) {
      entry = { name, callNumber: r.callNumber ?? null, department: r.deptName ?? null, records: [] };
      byPerson.set(key, entry);
    }
    entry.records.push(r);
  }

  const groups: Interval[][] = [];
  const people: Person[] = [];
  for (const entry of byPerson.values()) {
    const sessions = entry.records
      .map((r) => ({ start: r.joinTime, ...sessionEnd(r, end), device: r.deviceType ?? null, media: r.mediaType ?? null }))
      .sort((a, b) => a.start - b.start);
    groups.push(sessions);
    const first = sessions[0]!.start;
    const last = Math.max(...sessions.map((s) => s.end));
    const durationMs = totalLength(sessions);
    people.push({
      name: entry.name,
      callNumber: entry.callNumber,
      department: entry.department,
      sessions: sessions.map((s) => ({
        joinedAt: iso(s.start),
        leftAt: iso(s.end),
        open: s.open,
        device: s.device,
        media: s.media,
        deviceKind: deviceKind(s.device),
        mediaKind: mediaKind(s.media),
      })),
      firstJoinedAt: iso(first),
      lastLeftAt: iso(last),
      durationMs,
      shareOfMeeting: Math.min(1, durationMs / length),
      lateJoiner: first - start > LATE_OR_EARLY_MS,
      earlyLeaver: end - last > LATE_OR_EARLY_MS,
    });
  }
  people.sort((a, b) => a.firstJoinedAt.localeCompare(b.firstJoinedAt) || a.name.localeCompare(b.name));

  const { peak, at } = peakConcurrency(groups);
  return {
    confUUID,
    meeting,
    people,
    recordCount: records.length,
    summary: {
      people: people.length,
      peakConcurrent: peak,
      peakAt: at === null ? null : iso(at),
      medianDurationMs: median(people.map((p) => p.durationMs)),
      meetingStart: iso(start),
      meetingEnd: iso(end),
    },
    series: concurrencySeries(groups, start, end, SERIES_POINTS).map((p) => ({ t: iso(p.t), count: p.count })),
    invited: invitees.length,
    // Records name people only by display name and call number: matched by number first, then name.
    absent: missingInvitees(invitees, people.map((p) => ({ name: p.name, number: p.callNumber, account: null, userUUID: null }))),
  };
}
