import { LRUCache } from "lru-cache";

/**
 * Zones come from users (`?tz=`), in any spelling: formatters are kept by the zone's canonical
 * name ("asia/shanghai" and "Asia/Shanghai" are one entry), and only so many of them.
 */
const formats = new LRUCache<string, Intl.DateTimeFormat>({ max: 64 });

/** The zone's canonical IANA name ("asia/SHANGHAI" → "Asia/Shanghai"), or null when it is no zone. */
export function canonicalTimeZone(tz: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isValidTimeZone(tz: string): boolean {
  return canonicalTimeZone(tz) !== null;
}

export function formatterCacheSize(): number {
  return formats.size;
}

/** ISO 8601 in a given zone with its offset written out: "2026-11-21T18:00:00+08:00". */
export function isoInZone(ms: number, zone: string): string {
  // Called for every time cell of an export: a hit costs one lookup. Only canonical names are
  // stored, so other spellings are canonicalised on each call (rare: validated input is canonical).
  let f = formats.get(zone);
  if (!f) {
    const timeZone = canonicalTimeZone(zone) ?? zone;
    f = formats.get(timeZone) ?? new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    formats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName!.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Huawei's numeric zone ids that are known for certain; others are not guessed. */
const HUAWEI_ZONES: Record<string, string> = { "56": "Asia/Shanghai" };

export function huaweiZoneToIana(timeZoneID: string | null): string | null {
  return (timeZoneID && HUAWEI_ZONES[timeZoneID]) || null;
}

function offsetMs(ms: number, timeZone: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(isoInZone(ms, timeZone))!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** The instant a wall-clock date-time ("2026-11-21", "00:00") happens in a zone. */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Twice, so a date whose offset differs from the guess's (a DST change) settles.
  const first = naive - offsetMs(naive, timeZone);
  return naive - offsetMs(first, timeZone);
}

/** "2026-11-21" of an instant in a zone. */
export function dateInZone(ms: number, timeZone: string): string {
  return isoInZone(ms, timeZone).slice(0, 10);
}
