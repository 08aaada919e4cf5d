import { z } from "zod";
import type { PersonRecordRow } from "@/lib/store/archive-table";
import { seriesPersonKey } from "./series-report";

export const peopleReportSchema = z.object({
  q: z.string(),
  /** True when more records matched than one answer holds: narrow the search or the range. */
  truncated: z.boolean(),
  people: z.array(
    z.object({
      name: z.string(),
      number: z.string().nullable(),
      account: z.string().nullable(),
      departments: z.array(z.string()),
      meetings: z.number().int(),
      totalMs: z.number().int(),
      items: z.array(
        z.object({ confUUID: z.string(), conferenceID: z.string(), subject: z.string(), startedAt: z.iso.datetime(), endedAt: z.iso.datetime(), durationMs: z.number().int(), share: z.number() }),
      ),
    }),
  ),
});
export type PeopleReport = z.infer<typeof peopleReportSchema>;

/** The people whose records matched, each with the meetings they attended (newest first) and totals. */
export function buildPeopleReport(q: string, rows: readonly PersonRecordRow[], truncated: boolean): PeopleReport {
  const people = new Map<string, { name: string; number: string | null; account: string | null; departments: Set<string>; meetings: Map<string, PeopleReport["people"][number]["items"][number]> }>();
  for (const r of rows) {
    const key = seriesPersonKey(r);
    let p = people.get(key);
    if (!p) {
      p = { name: r.displayName, number: r.callNumber, account: r.account, departments: new Set(), meetings: new Map() };
      people.set(key, p);
    }
    p.account ??= r.account;
    if (r.deptName) p.departments.add(r.deptName);
    const item = p.meetings.get(r.confUuid) ?? {
      confUUID: r.confUuid,
      conferenceID: r.conferenceId,
      subject: r.subject,
      startedAt: new Date(r.startedAt).toISOString(),
      endedAt: new Date(r.endedAt).toISOString(),
      durationMs: 0,
      share: 0,
    };
    item.durationMs += r.countedMs;
    item.share = Math.round(Math.min(1, item.durationMs / Math.max(1, r.endedAt - r.startedAt)) * 1000) / 1000;
    p.meetings.set(r.confUuid, item);
  }
  return {
    q,
    truncated,
    people: [...people.values()]
      .map((p) => {
        const items = [...p.meetings.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
        return { name: p.name, number: p.number, account: p.account, departments: [...p.departments].sort(), meetings: items.length, totalMs: items.reduce((n, i) => n + i.durationMs, 0), items };
      })
      .sort((a, b) => b.totalMs - a.totalMs),
  };
}
