import { qualityLevelSchema, type QualityLevel } from "@/lib/domain/quality";
import type { ReplayParticipant } from "@/lib/domain/replay";

/** Spans closer than this are one: a write every second (REPLAY_FLUSH_MS) leaves seams of about that, which are not gaps. */
export const SEAM_MS = 2_500;

/** A change of the log with its time as a number and its value read (the store keeps JSON). */
export interface TimedChange {
  at: number;
  pid: string;
  name: string;
  field: string;
  value: boolean | string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The meeting at an instant: who was present and how, and whether it was locked (null: not known). */
export interface Moment {
  participants: ReplayParticipant[];
  locked: boolean | null;
}

/**
 * The meeting at `at` from its log (sorted by time, then by when seen): each person's latest value
 * of each field up to that instant. A hand's `handRaisedSince` is when it went up. Used by the
 * server's replay route and by the page's slider alike.
 */
export function stateAt(events: readonly TimedChange[], at: number): Moment {
  const people = new Map<string, ReplayParticipant>();
  let locked: boolean | null = null;
  for (const e of events) {
    if (e.at > at) break;
    if (e.field === "locked") {
      locked = typeof e.value === "boolean" ? e.value : null;
      continue;
    }
    if (e.field === "present") {
      if (e.value === true) people.set(e.pid, people.get(e.pid) ?? { pid: e.pid, name: e.name, role: null, muted: null, handRaised: null, camera: null, sharing: null, speaking: null, quality: null });
      else people.delete(e.pid);
      continue;
    }
    const p = people.get(e.pid);
    if (!p) continue;
    p.name = e.name;
    if (e.field === "role") p.role = e.value as ReplayParticipant["role"];
    else if (e.field === "handRaised") {
      if (e.value === true && p.handRaised !== true) p.handRaisedSince = iso(e.at);
      if (e.value !== true) delete p.handRaisedSince;
      p.handRaised = e.value as boolean | null;
    } else if (e.field === "quality") p.quality = asLevel(e.value);
    else if (e.field === "muted" || e.field === "camera" || e.field === "sharing" || e.field === "speaking") p[e.field] = e.value as boolean | null;
  }
  return { participants: [...people.values()], locked };
}

const asLevel = (v: TimedChange["value"]): QualityLevel | null => qualityLevelSchema.safeParse(v).data ?? null;

/** A point of the chart: how many were present, had a hand up, were unmuted, were speaking. */
export interface SeriesPoint {
  at: number;
  present: number;
  hands: number;
  unmuted: number;
  speaking: number;
}

/** Head count, hands up, people unmuted and speakers after each change, at most `points` of them (for the chart beneath the slider). */
export function seriesOf(events: readonly TimedChange[], points = 300): SeriesPoint[] {
  const present = new Set<string>();
  const hands = new Set<string>();
  const unmuted = new Set<string>();
  const speaking = new Set<string>();
  const set = (s: Set<string>, pid: string, on: boolean) => (on ? s.add(pid) : s.delete(pid));
  const all: SeriesPoint[] = [];
  for (const e of events) {
    if (e.field === "present") {
      set(present, e.pid, e.value === true);
      if (e.value !== true) for (const s of [hands, unmuted, speaking]) s.delete(e.pid);
    } else if (e.field === "handRaised") set(hands, e.pid, e.value === true);
    else if (e.field === "muted") set(unmuted, e.pid, e.value === false);
    else if (e.field === "speaking") set(speaking, e.pid, e.value === true);
    else continue;
    const point = { at: e.at, present: present.size, hands: hands.size, unmuted: unmuted.size, speaking: speaking.size };
    if (all.at(-1)?.at === e.at) all[all.length - 1] = point;
    else all.push(point);
  }
  if (all.length <= points) return all;
  const step = all.length / points;
  return Array.from({ length: points }, (_, i) => all[Math.min(all.length - 1, Math.floor((i + 1) * step) - 1)]!);
}

/** The stretches of [from, to] no span covers. */
export function gapsOf(spans: readonly { fromAt: number; toAt: number }[], from: number, to: number): { from: number; to: number }[] {
  const sorted = [...spans].sort((a, b) => a.fromAt - b.fromAt);
  const gaps: { from: number; to: number }[] = [];
  let covered = from;
  for (const s of sorted) {
    if (s.fromAt - covered > SEAM_MS) gaps.push({ from: covered, to: Math.min(s.fromAt, to) });
    covered = Math.max(covered, s.toAt);
    if (covered >= to) break;
  }
  if (to - covered > SEAM_MS) gaps.push({ from: covered, to });
  return gaps.filter((g) => g.to > g.from);
}

export function isoGaps(gaps: { from: number; to: number }[]) {
  return gaps.map((g) => ({ from: iso(g.from), to: iso(g.to) }));
}

/** A point of the chart as drawn: a count the dashboard did not see is null (the line breaks), never 0. */
export type ChartPoint = { at: number } & { [K in Exclude<keyof SeriesPoint, "at">]: number | null };

const unseen = (at: number, present: number | null): ChartPoint => ({ at, present, hands: null, unmuted: null, speaking: null });

/**
 * The chart's lines with the gaps left as gaps: inside one, the head count comes from Huawei's
 * records where there are any (`records`, the series of the records' log) and the rest is not
 * drawn; when watching resumes, the lines go on from what the log knew.
 */
export function chartSeries(live: readonly SeriesPoint[], gaps: readonly { from: number; to: number }[], records: readonly SeriesPoint[]): ChartPoint[] {
  const lastAt = (points: readonly SeriesPoint[], at: number) => points.findLast((p) => p.at <= at);
  const out: ChartPoint[] = live.filter((p) => !gaps.some((g) => p.at >= g.from && p.at < g.to));
  for (const g of gaps) {
    out.push(unseen(g.from, records.length ? (lastAt(records, g.from)?.present ?? 0) : null));
    for (const r of records) if (r.at > g.from && r.at < g.to) out.push(unseen(r.at, r.present));
    if (!live.some((p) => p.at === g.to)) {
      const resumed = lastAt(live, g.to);
      out.push(resumed ? { ...resumed, at: g.to } : unseen(g.to, null));
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
