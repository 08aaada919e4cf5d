"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { storedSetting } from "@/lib/client/stored-setting";

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const setting = storedSetting<string>("mm.timeZone", (v) => v || browserTimeZone(), "UTC");

/** The zone the user picked (remembered in this browser), defaulting to the browser's own. */
export function useTimeZone(): [string, (tz: string) => void] {
  return [setting.use(), (next) => setting.write(next === browserTimeZone() ? null : next)];
}

/** The zones most people here pick, offered first. */
const COMMON = [
  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul", "Asia/Kolkata", "Asia/Dubai",
  "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow", "America/New_York", "America/Chicago", "America/Los_Angeles",
  "America/Sao_Paulo", "Australia/Sydney", "Africa/Johannesburg", "UTC",
];

/** "UTC+08:00 · China Standard Time" for a zone, in the reader's language. */
function describeZone(zone: string, locale: string, now: Date): string {
  const part = (timeZoneName: "longOffset" | "long") =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName }).formatToParts(now).find((p) => p.type === "timeZoneName")?.value ?? "";
  const offset = part("longOffset").replace(/^GMT$/, "GMT+00:00").replace("GMT", "UTC");
  return `${offset} · ${part("long")}`;
}

/**
 * The zone times are shown in: type part of a city, an offset ("+08") or a zone's name in either
 * language, and pick it; the common zones come first.
 */
export function TimeZonePicker() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [tz, setTz] = useTimeZone();
  const [typed, setTyped] = useState<string | null>(null);
  const options = useMemo(() => {
    const now = new Date();
    const all = Intl.supportedValuesOf("timeZone");
    const zones = [...COMMON.filter((z) => z === "UTC" || all.includes(z)), ...all.filter((z) => !COMMON.includes(z))];
    return zones.map((zone) => ({ zone, label: describeZone(zone, locale, now) }));
  }, [locale]);
  // Only a zone of the list is taken: "EST" on the way to "Europe/..." is a zone too, but not the one being typed.
  const choose = (value: string) => {
    setTyped(value);
    if (options.some((o) => o.zone === value)) {
      setTz(value);
      setTyped(null);
    }
  };
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only text-slate-600 lg:not-sr-only dark:text-slate-300">{t("timeZone")}</span>
      <input
        list="time-zones"
        value={typed ?? tz}
        onFocus={() => setTyped("")}
        onBlur={() => setTyped(null)}
        onChange={(e) => choose(e.target.value)}
        placeholder={tz}
        aria-label={t("timeZone")}
        title={describeZone(tz, locale, new Date())}
        className="w-44 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
        data-time-zone
      />
      <datalist id="time-zones">
        {options.map((o) => (
          <option key={o.zone} value={o.zone} label={o.label} />
        ))}
      </datalist>
    </label>
  );
}
