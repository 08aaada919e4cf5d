/** `rotate=30s` / `2m`: how long each view stays; between 10 seconds and an hour. Null: no rotation. */
export function parseRotate(raw: string): number | null {
  const m = /^(\d{1,4})(s|m)$/.exec(raw.trim());
  if (!m) return null;
  const ms = Number(m[1]) * (m[2] === "m" ? 60_000 : 1_000);
  return ms >= 10_000 && ms <= 3_600_000 ? ms : null;
}

/** How long each page of the overview stays when the wall does not rotate. */
export const PAGE_MS = 20_000;

/** What the wall shows: a page of the overview, or one meeting's live grid. */
export type WallView = { kind: "overview"; page: number } | { kind: "meeting"; conferenceID: string };

/**
 * The playlist, as Grafana's: a page of the overview, then one meeting, then the next page of the
 * overview, then the next meeting, cycling through the overview's `pages` and through `meetings`
 * (attention first, as the overview sorts them). With no meetings to rotate in, the pages alone.
 */
export function viewAt(step: number, meetings: readonly string[], pages = 1): WallView {
  if (meetings.length === 0) return { kind: "overview", page: step % pages };
  if (step % 2 === 0) return { kind: "overview", page: (step / 2) % pages };
  return { kind: "meeting", conferenceID: meetings[Math.floor(step / 2) % meetings.length]! };
}
