export interface Interval {
  start: number;
  end: number;
}

/** The union of intervals as sorted, non-overlapping intervals; touching ones are joined. */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

export function totalLength(intervals: readonly Interval[]): number {
  return unionIntervals(intervals).reduce((sum, i) => sum + (i.end - i.start), 0);
}

/**
 * For each interval, in the order given, the part of it no other interval of the list covers
 * before it (by start, then position): the parts sum to the union's length.
 */
export function exclusiveLengths(intervals: readonly Interval[]): number[] {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a]!.start - intervals[b]!.start || a - b);
  const out = new Array<number>(intervals.length).fill(0);
  let coveredUntil = -Infinity;
  for (const i of order) {
    const { start, end } = intervals[i]!;
    if (end <= start) continue;
    out[i] = Math.max(0, end - Math.max(start, coveredUntil));
    coveredUntil = Math.max(coveredUntil, end);
  }
  return out;
}

/**
 * The largest number of groups present at once, and when it first happened. Each group is one
 * person's sessions, merged first, so a person on two devices counts once. At an instant where
 * one leaves and another joins, the leave is counted first.
 */
export function peakConcurrency(groups: readonly (readonly Interval[])[]): { peak: number; at: number | null } {
  const events: [number, number][] = [];
  for (const group of groups) {
    for (const i of unionIntervals(group)) events.push([i.start, 1], [i.end, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  let at: number | null = null;
  for (const [t, delta] of events) {
    current += delta;
    if (current > peak) {
      peak = current;
      at = t;
    }
  }
  return { peak, at };
}

/** How many groups are present at each of `points` evenly spaced instants from start to end. */
export function concurrencySeries(groups: readonly (readonly Interval[])[], start: number, end: number, points: number): { t: number; count: number }[] {
  const merged = groups.map((g) => unionIntervals(g));
  const step = points > 1 ? (end - start) / (points - 1) : 0;
  return Array.from({ length: points }, (_, k) => {
    const t = start + k * step;
    const count = merged.filter((g) => g.some((i) => i.start <= t && t < i.end)).length;
    return { t, count };
  });
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
