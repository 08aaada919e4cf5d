import { z } from "zod";
import { LATE_OR_EARLY_MS } from "@/lib/domain/attendance";
import type { ArchivedMeetingRow, AttendanceRecordRow } from "@/lib/store/schema";

export const seriesReportSchema = z.object({
  conferenceID: z.string(),
  subject: z.string(),
  /** The filter applied: an occurrence counts as attended when the person stayed at least this share of it (0 to 1). */
  minShare: z.number().min(0).max(1),
  occurrences: z.array(z.object({ confUUID: z.string(), startedAt: z.iso.datetime(), endedAt: z.iso.datetime(), present: z.number().int() })),
  people: z.array(
    z.object({
      name: z.string(),
      number: z.string().nullable(),
      account: z.string().nullable(),
      /** Occurrences attended (at least minShare of each). */
      attended: z.number().int(),
      /** Occurrences in the range. */
      of: z.number().int(),
      totalMs: z.number().int(),
      /** Of each occurrence, in order, the share this person was there (0 to 1). */
      sharePerOccurrence: z.array(z.number()),
      /** Attended occurrences joined more than 5 minutes after the start, or left more than 5 minutes before the end. */
      late: z.number().int(),
      leftEarly: z.number().int(),
    }),
  ),
});
export type SeriesReport = z.infer<typeof seriesReportSchema>;

/** GET /api/series: meeting IDs held more than once in the range. */
export const seriesListResponseSchema = z.object({
  items: z.array(z.object({ conferenceID: z.string(), subject: z.string(), occurrences: z.number().int(), firstStart: z.iso.datetime(), lastStart: z.iso.datetime() })),
});
export type SeriesSummary = z.infer<typeof seriesListResponseSchema>["items"][number];

/**
 * A person across meetings: by call number, the one thing every record of theirs carries (the
 * account is known only where they were invited), otherwise by name.
 */
export function seriesPersonKey(r: Pick<AttendanceRecordRow, "displayName" | "callNumber">): string {
  return r.callNumber ? `c\u0000${r.callNumber}` : `n\u0000${r.displayName}`;
}

/** Every occurrence of one meeting ID and each person across them. */
export function buildSeriesReport(conferenceID: string, occurrences: readonly ArchivedMeetingRow[], records: readonly AttendanceRecordRow[], minShare: number): SeriesReport {
  const index = new Map(occurrences.map((o, i) => [o.confUuid, i]));
  const people = new Map<string, { name: string; number: string | null; account: string | null; ms: number[]; first: (number | null)[]; last: (number | null)[] }>();
  const presentSets = occurrences.map(() => new Set<string>());
  for (const r of records) {
    const i = index.get(r.confUuid);
    if (i === undefined) continue;
    const key = seriesPersonKey(r);
    let p = people.get(key);
    if (!p) {
      p = { name: r.displayName, number: r.callNumber, account: r.account, ms: occurrences.map(() => 0), first: occurrences.map(() => null), last: occurrences.map(() => null) };
      people.set(key, p);
    }
    p.account ??= r.account;
    const end = r.leftTime ?? occurrences[i]!.endedAt;
    p.ms[i]! += r.countedMs;
    p.first[i] = Math.min(p.first[i] ?? Infinity, r.joinTime);
    p.last[i] = Math.max(p.last[i] ?? -Infinity, end);
    presentSets[i]!.add(key);
  }
  const lengths = occurrences.map((o) => Math.max(1, o.endedAt - o.startedAt));
  return {
    conferenceID,
    subject: occurrences.at(-1)?.subject ?? "",
    minShare,
    occurrences: occurrences.map((o, i) => ({ confUUID: o.confUuid, startedAt: iso(o.startedAt), endedAt: iso(o.endedAt), present: presentSets[i]!.size })),
    people: [...people.values()].map((p) => {
      // Rounded as shown, so a share shown as 75% counts under "at least 75%".
      const shares = p.ms.map((ms, i) => Math.round(Math.min(1, ms / lengths[i]!) * 1000) / 1000);
      const counted = shares.map((s, i) => p.ms[i]! > 0 && s >= minShare);
      const o = (i: number) => occurrences[i]!;
      return {
        name: p.name,
        number: p.number,
        account: p.account,
        attended: counted.filter(Boolean).length,
        of: occurrences.length,
        totalMs: p.ms.reduce((a, b) => a + b, 0),
        sharePerOccurrence: shares,
        late: counted.filter((c, i) => c && p.first[i]! - o(i).startedAt > LATE_OR_EARLY_MS).length,
        leftEarly: counted.filter((c, i) => c && o(i).endedAt - p.last[i]! > LATE_OR_EARLY_MS).length,
      };
    }),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
