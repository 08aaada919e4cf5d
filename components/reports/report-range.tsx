"use client";

import { useTranslations } from "next-intl";
import { useTimeZone } from "@/components/app/time-zone";
import { pressable } from "@/components/app/ui";
import type { ReportRange } from "@/lib/client/queries/reports";
import { dateInZone, zonedToUtc } from "@/lib/zoned-time";

const DAY = 86_400_000;
const PRESETS = [30, 90, 180, 365] as const;
const DEFAULT_DAYS = 90;

function lastDays(days: number, timeZone: string) {
  const now = Date.now();
  return { from: dateInZone(now - (days - 1) * DAY, timeZone), to: dateInZone(now, timeZone) };
}

/** A report's days in the viewer's zone (the URL's, or the last 90), and the instants the API is asked for. */
export function useReportRange(view: { from: string; to: string }): { days: { from: string; to: string }; range: ReportRange; timeZone: string } {
  const [timeZone] = useTimeZone();
  const fallback = lastDays(DEFAULT_DAYS, timeZone);
  const days = { from: view.from || fallback.from, to: view.to || fallback.to };
  const range = {
    from: new Date(zonedToUtc(days.from, "00:00", timeZone)).toISOString(),
    to: new Date(zonedToUtc(days.to, "00:00", timeZone) + DAY - 1).toISOString(),
  };
  return { days, range, timeZone };
}

/** From and to dates, and quick ranges of the last 30 days to a year; the choice lives in the URL. */
export function ReportRangePicker({ days, onChange }: { days: { from: string; to: string }; onChange: (days: { from: string; to: string }) => void }) {
  const t = useTranslations("history");
  const [timeZone] = useTimeZone();
  const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
  const chosen = PRESETS.find((d) => {
    const preset = lastDays(d, timeZone);
    return preset.from === days.from && preset.to === days.to;
  });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block text-slate-600 dark:text-slate-300">{t("from")}</span>
        <input type="date" value={days.from} max={days.to} onChange={(e) => e.target.value && onChange({ ...days, from: e.target.value })} className={input} />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600 dark:text-slate-300">{t("to")}</span>
        <input type="date" value={days.to} min={days.from} onChange={(e) => e.target.value && onChange({ ...days, to: e.target.value })} className={input} />
      </label>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("quickRanges")}>
        {PRESETS.map((d) => (
          <button key={d} type="button" aria-pressed={chosen === d} onClick={() => onChange(lastDays(d, timeZone))} className={pressable}>
            {t("days", { days: d })}
          </button>
        ))}
      </div>
    </div>
  );
}
