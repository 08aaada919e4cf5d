import { isoInZone } from "@/lib/zoned-time";
import type { WorkingHours } from "./alert-schemas";

/** Whether an instant falls in working hours: on one of its days (1 = Monday) between from and to, in its zone; a span past midnight belongs to the day it starts. */
export function inWorkingHours(w: WorkingHours, at: number): boolean {
  const local = isoInZone(at, w.timeZone);
  const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  const from = Number(w.from.slice(0, 2)) * 60 + Number(w.from.slice(3));
  const to = Number(w.to.slice(0, 2)) * 60 + Number(w.to.slice(3));
  const weekday = isoWeekday(local.slice(0, 10));
  if (from < to) return w.days.includes(weekday) && minutes >= from && minutes < to;
  // Overnight: the evening belongs to today, the early hours to yesterday's shift.
  if (minutes >= from) return w.days.includes(weekday);
  return minutes < to && w.days.includes(weekday === 1 ? 7 : weekday - 1);
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
