import { z } from "zod";
import type { Meeting } from "./meeting";
import { nameCollator } from "./collation";

/** How a list of meetings is ordered; the same for the live copy in the browser, the API and its exports. */
export const ongoingSortSchema = z.enum(["subject", "host", "start", "running", "present", "invited", "health"]);
export const historySortSchema = z.enum(["subject", "host", "start", "length", "invited", "attended"]);
export const sortDirSchema = z.enum(["asc", "desc"]);
/** Which ongoing meetings: all, those being recorded, large ones, those with quality alarms; for a host, those they host or are invited to. */
export const ongoingShowSchema = z.enum(["all", "recording", "large", "quality", "hosting", "invited"]);
export type OngoingSort = z.infer<typeof ongoingSortSchema>;
export type HistorySort = z.infer<typeof historySortSchema>;
export type SortDir = z.infer<typeof sortDirSchema>;
export type OngoingShow = z.infer<typeof ongoingShowSchema>;

/** Sorting past meetings by attendance needs each one's attendance: a range of more must be narrowed first. */
export const ATTENDED_SORT_LIMIT = 200;

/** A meeting this large or larger counts as large. */
export const LARGE_MEETING = 100;

const time = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** The value a meeting sorts by; null sorts last whichever way. */
function keyOf(m: Meeting, sort: OngoingSort | HistorySort): string | number | null {
  switch (sort) {
    case "subject":
      return m.subject;
    case "host":
      return m.hostName;
    case "start":
      return time(m.startTime);
    case "running": {
      // Running longest first is started earliest first.
      const t = time(m.startTime);
      return t === null ? null : -t;
    }
    case "length": {
      const s = time(m.startTime);
      const e = time(m.endTime);
      return s === null || e === null ? null : e - s;
    }
    case "present":
      return m.participantCount;
    case "invited":
      return m.invitedCount;
    case "health":
      // Most people affected first (the column's first click is descending); a meeting with an alarm not yet counted, as one.
      return m.health === null ? null : (m.health.affected ?? (hasAlarm(m) ? 1 : 0));
    case "attended":
      // Not a field of the meeting: the history list sorts by it with the counts it fetched.
      return null;
  }
}


/** A comparator: by the key in the direction asked, unknown values last, then by meeting ID so the order is stable. */
export function compareMeetings(sort: OngoingSort | HistorySort, dir: SortDir): (a: Meeting, b: Meeting) => number {
  const sign = dir === "asc" ? 1 : -1;
  return (a, b) => {
    const x = keyOf(a, sort);
    const y = keyOf(b, sort);
    if (x === null || y === null) return x === y ? a.conferenceID.localeCompare(b.conferenceID) : x === null ? 1 : -1;
    const c = typeof x === "string" && typeof y === "string" ? nameCollator.compare(x, y) : (x as number) - (y as number);
    return sign * c || a.conferenceID.localeCompare(b.conferenceID);
  };
}

export function matchesSearch(m: Meeting, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || [m.subject, m.hostName ?? "", m.conferenceID].some((f) => f.toLowerCase().includes(needle));
}

export interface OngoingTotals {
  meetings: number;
  present: number;
  recording: number;
  large: number;
  /** Meetings with a quality alarm; null where quality cannot be had. */
  quality: number | null;
  /** For a host: how many they host (null for enterprise-wide views). */
  hosting: number | null;
}

/** Totals over every meeting the viewer may see, whatever the page shows. */
export function ongoingTotals(all: readonly Meeting[]): OngoingTotals {
  return {
    meetings: all.length,
    present: all.reduce((sum, m) => sum + (m.participantCount ?? 0), 0),
    recording: all.filter((m) => m.recording).length,
    large: all.filter((m) => (m.participantCount ?? 0) >= LARGE_MEETING).length,
    quality: all.some((m) => m.health !== null) ? all.filter(hasAlarm).length : null,
    hosting: all.some((m) => m.viewerHosts !== null) ? all.filter((m) => m.viewerHosts).length : null,
  };
}

/** Whether Huawei raised any quality alarm in the meeting. */
export function hasAlarm(m: Meeting): boolean {
  return m.health !== null && (m.health.audio || m.health.video || m.health.screen || m.health.cpu);
}

const SHOWS: Record<OngoingShow, (m: Meeting) => boolean> = {
  all: () => true,
  recording: (m) => m.recording,
  large: (m) => (m.participantCount ?? 0) >= LARGE_MEETING,
  quality: hasAlarm,
  hosting: (m) => m.viewerHosts === true,
  invited: (m) => m.viewerHosts === false,
};

/** The ongoing meetings a view shows, in its order: searched, filtered, sorted. */
export function ongoingView(all: readonly Meeting[], view: { q: string; show: OngoingShow; sort: OngoingSort; dir: SortDir; ids?: readonly string[] }): Meeting[] {
  const only = view.ids ? new Set(view.ids) : null;
  return all
    .filter((m) => !only || only.has(m.conferenceID))
    .filter((m) => matchesSearch(m, view.q))
    .filter((m) => SHOWS[view.show](m))
    .sort(compareMeetings(view.sort, view.dir));
}
