"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { FilterButtons } from "@/components/app/ui";
import { MEETING_PID, type ReplayEvent } from "@/lib/domain/replay";
import { useFormat } from "@/lib/client/use-format";

/** "all" is every change but who spoke, which comes and goes every few seconds and has its own filter. */
const ONLY = ["all", "hands", "roles", "mutes", "speaking", "quality"] as const;
type Only = (typeof ONLY)[number];
const FIELD: Record<Exclude<Only, "all">, ReplayEvent["field"]> = { hands: "handRaised", roles: "role", mutes: "muted", speaking: "speaking", quality: "quality" };
const matches = (e: ReplayEvent, only: Only) => (only === "all" ? e.field !== "speaking" : e.field === FIELD[only]);

/** The index of the first time after `at` in sorted times (binary search: the log may hold tens of thousands). */
function firstAfter(times: number[], at: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Changes shown either side of the moment. */
const AROUND = 25;

/** The changes around the moment (not the state found when watching began), for everyone or one person, all or one kind; a click goes to that moment. */
export function ReplayLog({ events, at, onAt, timeZone }: { events: ReplayEvent[]; at: number; onAt: (ms: number) => void; timeZone: string }) {
  const t = useTranslations("replay");
  const f = useFormat();
  const [only, setOnly] = useState<Only>("all");
  const [person, setPerson] = useState("");
  const names = useMemo(() => [...new Set(events.filter((e) => e.pid !== MEETING_PID).map((e) => e.name))].sort((a, b) => a.localeCompare(b)), [events]);
  const shown = useMemo(() => events.filter((e) => !e.initial && matches(e, only) && (!person || e.name === person)), [events, only, person]);
  const times = useMemo(() => shown.map((e) => Date.parse(e.at)), [shown]);
  const split = firstAfter(times, at);
  const window = shown.slice(Math.max(0, split - AROUND), split + AROUND);
  const hidden = shown.length - window.length;
  return (
    <section aria-labelledby="replay-log" className="min-w-0 space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="replay-log" className="text-base font-semibold">
        {t("log")}
      </h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <FilterButtons label={t("filter")} value={only} onChange={setOnly} options={ONLY.map((o) => [o, t("filters", { f: o })] as const)} />
        <label className="flex items-center gap-1">
          <span className="sr-only">{t("person")}</span>
          <select value={person} onChange={(e) => setPerson(e.target.value)} className="max-w-[12rem] rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950" aria-label={t("person")}>
            <option value="">{t("everyone")}</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      {window.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noChanges")}</p>
      ) : (
        <ol className="max-h-[28rem] space-y-0.5 overflow-auto text-sm" data-replay-log>
          {window.map((e, i) => {
            const when = Date.parse(e.at);
            const past = when <= at;
            return (
              <li key={`${e.at}-${e.pid}-${e.field}-${i}`}>
                <button type="button" onClick={() => onAt(when)} className={`w-full rounded px-1.5 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${past ? "" : "text-slate-500 dark:text-slate-400"}`}>
                  <span className="tabular-nums">{f.time(e.at, timeZone)}</span> {e.pid === MEETING_PID ? t("meeting") : e.name} {t("change", { field: e.field, value: String(e.value) })}
                  {e.by && <span className="text-slate-600 dark:text-slate-400"> {t("by", { name: e.by })}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {hidden > 0 && <p className="text-xs text-slate-600 dark:text-slate-400">{t("more", { count: hidden })}</p>}
    </section>
  );
}
