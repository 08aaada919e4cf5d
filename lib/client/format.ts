const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, {
      timeZone,
      ...(withDate ? { year: "numeric", month: "short", day: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string | null, timeZone: string): string {
  return iso ? formatter(timeZone, true).format(new Date(iso)) : "—";
}

export function formatTime(iso: string | null, timeZone: string): string {
  return iso ? formatter(timeZone, false).format(new Date(iso)) : "—";
}

/** "1 h 05 min", "12 min", "40 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes === 0) return `${Math.floor(ms / 1000)} s`;
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return h ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

/** "just now", "12 s ago", "3 min ago". */
export function formatAge(ms: number): string {
  if (ms < 2_000) return "just now";
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s ago`;
  return `${Math.floor(ms / 60_000)} min ago`;
}

export const numberFormat = new Intl.NumberFormat();
