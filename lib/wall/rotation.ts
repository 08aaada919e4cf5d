/** `rotate=30s` / `2m`: how long each view stays; between 10 seconds and an hour. Null: no rotation. */
export function parseRotate(raw: string): number | null {
  const m = /^(\d{1,4})(s|m)$/.exec(raw.trim());
  if (!m) return null;
  const ms = Number(m[1]) * (m[2] === "m" ? 60_000 : 1_000);
  return ms >= 10_000 && ms <= 3_600_000 ? ms : null;
}

/** What the wall shows: the overview, or one meeting's live grid. */
export type WallView = { kind: "overview" } | { kind: "meeting"; conferenceID: string };

/**
 * The playlist, as Grafana's: the overview, then one meeting, then the overview again, then the
 * next meeting, cycling through `meetings` (attention first, as the overview sorts them).
 */
export function viewAt(step: number, meetings: readonly string[]): WallView {
  if (step % 2 === 0 || meetings.length === 0) return { kind: "overview" };
  return { kind: "meeting", conferenceID: meetings[Math.floor(step / 2) % meetings.length]! };
}
