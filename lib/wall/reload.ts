/** A screen left for days reloads once a day anyway, to shed whatever a browser accumulates. */
export const DAILY_MS = 24 * 3600_000;

/**
 * Whether the wall should reload now: the dashboard serves a new version, or the page has run a
 * day. An unreachable server (null version) is no reason: the wall keeps showing its last state.
 */
export function shouldReload(opts: { loadedVersion: string | null; currentVersion: string | null; loadedAt: number; now: number }): boolean {
  if (opts.loadedVersion && opts.currentVersion && opts.currentVersion !== opts.loadedVersion) return true;
  return opts.now - opts.loadedAt >= DAILY_MS;
}
