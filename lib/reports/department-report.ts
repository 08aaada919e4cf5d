import { z } from "zod";
import type { DepartmentBucketRow } from "@/lib/store/archive-table";

export const departmentPeriodSchema = z.enum(["day", "week", "month"]);
export type DepartmentPeriod = z.infer<typeof departmentPeriodSchema>;

export const departmentReportSchema = z.object({
  by: departmentPeriodSchema,
  timeZone: z.string(),
  /** One row per department and period that had attendance; the period named by its first day (YYYY-MM-DD, in timeZone). */
  rows: z.array(z.object({ period: z.string(), department: z.string().nullable(), meetings: z.number().int(), attendances: z.number().int(), personMinutes: z.number() })),
  totals: z.array(z.object({ department: z.string().nullable(), meetings: z.number().int(), attendances: z.number().int(), personMinutes: z.number() })),
});
export type DepartmentReport = z.infer<typeof departmentReportSchema>;

const DAY = 86_400_000;

/** The first day of the period holding `day` (days since 1970 in the zone's clock), as YYYY-MM-DD. Weeks start on Monday (ISO). */
function periodOf(day: number, by: DepartmentPeriod): string {
  const date = new Date(day * DAY);
  if (by === "month") date.setUTCDate(1);
  if (by === "week") date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * Day buckets summed into weeks or months. Meetings add up across days because a meeting falls
 * on the day it started; attendances (a person in a meeting) likewise.
 */
export function buildDepartmentReport(days: readonly DepartmentBucketRow[], by: DepartmentPeriod, timeZone: string): DepartmentReport {
  const rows = new Map<string, DepartmentReport["rows"][number]>();
  const totals = new Map<string | null, DepartmentReport["totals"][number]>();
  for (const d of days) {
    const period = periodOf(d.day, by);
    const key = `${period}\u0000${d.deptName ?? ""}`;
    const row = rows.get(key) ?? { period, department: d.deptName, meetings: 0, attendances: 0, personMinutes: 0 };
    row.meetings += d.meetings;
    row.attendances += d.attendances;
    row.personMinutes += d.personMs / 60_000;
    rows.set(key, row);
    const total = totals.get(d.deptName) ?? { department: d.deptName, meetings: 0, attendances: 0, personMinutes: 0 };
    total.meetings += d.meetings;
    total.attendances += d.attendances;
    total.personMinutes += d.personMs / 60_000;
    totals.set(d.deptName, total);
  }
  const round = <T extends { personMinutes: number }>(r: T): T => ({ ...r, personMinutes: Math.round(r.personMinutes * 10) / 10 });
  return {
    by,
    timeZone,
    rows: [...rows.values()].map(round).sort((a, b) => a.period.localeCompare(b.period) || (a.department ?? "").localeCompare(b.department ?? "")),
    totals: [...totals.values()].map(round).sort((a, b) => b.personMinutes - a.personMinutes),
  };
}
