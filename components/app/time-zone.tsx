"use client";

import { useTranslations } from "next-intl";
import { storedSetting } from "@/lib/client/stored-setting";

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const setting = storedSetting<string>("mm.timeZone", (v) => v || browserTimeZone(), "UTC");

/** The zone the user picked (remembered in this browser), defaulting to the browser's own. */
export function useTimeZone(): [string, (tz: string) => void] {
  return [setting.use(), (next) => setting.write(next === browserTimeZone() ? null : next)];
}

export function TimeZonePicker() {
  const t = useTranslations("nav");
  const [tz, setTz] = useTimeZone();
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only text-slate-600 lg:not-sr-only dark:text-slate-300">{t("timeZone")}</span>
      <select
        value={tz}
        onChange={(e) => setTz(e.target.value)}
        className="max-w-44 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        {!zones.includes(tz) && <option value={tz}>{tz}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </label>
  );
}
