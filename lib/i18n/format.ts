import type { Locale } from "./locales";

type FormatKey = "seconds" | "minutes" | "hoursMinutes" | "justNow" | "secondsAgo" | "minutesAgo" | "hoursAgo";
/** The `format` namespace of the catalogue (a next-intl translator scoped to it). */
export type FormatMessages = (key: FormatKey, values?: Record<string, string | number>) => string;

const CACHE_LIMIT = 64;
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build: kept per locale, zone and shape, and bounded (zones come from users). */
function dateTimeFormat(locale: Locale, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withDate}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    if (dateTimeFormats.size >= CACHE_LIMIT) dateTimeFormats.clear();
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      ...(withDate ? { year: "numeric", month: "short", day: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

export interface Format {
  dateTime(iso: string | null, timeZone: string): string;
  time(iso: string | null, timeZone: string): string;
  /** "1 h 05 min", "12 min", "40 s" / "1 小时 05 分钟". */
  duration(ms: number): string;
  /** "just now", "12 s ago", "3 min ago" / "刚刚", "3 分钟前". */
  age(ms: number): string;
  number(n: number): string;
}

const NONE = "—";

export function makeFormat(locale: Locale, t: FormatMessages): Format {
  const numbers = new Intl.NumberFormat(locale);
  return {
    dateTime: (iso, timeZone) => (iso ? dateTimeFormat(locale, timeZone, true).format(new Date(iso)) : NONE),
    time: (iso, timeZone) => (iso ? dateTimeFormat(locale, timeZone, false).format(new Date(iso)) : NONE),
    duration(ms) {
      if (!Number.isFinite(ms) || ms < 0) return NONE;
      const totalMinutes = Math.floor(ms / 60_000);
      if (totalMinutes === 0) return t("seconds", { s: Math.floor(ms / 1000) });
      const h = Math.floor(totalMinutes / 60);
      const m = totalMinutes % 60;
      return h ? t("hoursMinutes", { h, m: String(m).padStart(2, "0") }) : t("minutes", { m });
    },
    age(ms) {
      if (ms < 2_000) return t("justNow");
      if (ms < 60_000) return t("secondsAgo", { s: Math.floor(ms / 1000) });
      if (ms < 3_600_000) return t("minutesAgo", { m: Math.floor(ms / 60_000) });
      return t("hoursAgo", { h: Math.floor(ms / 3_600_000) });
    },
    number: (n) => numbers.format(n),
  };
}
