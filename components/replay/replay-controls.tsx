"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { pressable } from "@/components/app/ui";
import { useFormat } from "@/lib/client/use-format";
import type { TimedChange } from "@/lib/replay/replay-state";
import { dateInZone, isoInZone, zonedToUtc } from "@/lib/zoned-time";

/** How often playing moves the moment on (the slider moves speed × this much meeting time each step). */
const FRAME_MS = 250;

interface Props {
  from: number;
  to: number;
  at: number;
  gaps: { from: number; to: number }[];
  changes: readonly TimedChange[];
  onAt: (ms: number) => void;
  timeZone: string;
}

/** The slider with the log's gaps striped on its track; play, step, a time typed in, a link to the moment. */
export function ReplayControls({ from, to, at, gaps, changes, onAt, timeZone }: Props) {
  const t = useTranslations("replay");
  const f = useFormat();
  const [speed, setSpeed] = useState<number | null>(null);
  const [typed, setTyped] = useState("");
  const [copied, setCopied] = useState(false);
  const span = Math.max(1, to - from);

  useEffect(() => {
    if (!speed) return;
    const id = setInterval(() => {
      const next = at + speed * FRAME_MS;
      if (next >= to) setSpeed(null);
      onAt(Math.min(next, to));
    }, FRAME_MS);
    return () => clearInterval(id);
  }, [speed, at, to, onAt]);

  const step = (dir: 1 | -1) => {
    // The next change after (or the last before) this moment: changes are sorted by time.
    const target = dir === 1 ? changes.find((c) => c.at > at)?.at : [...changes].reverse().find((c) => c.at < at)?.at;
    if (target !== undefined) onAt(target);
  };

  const jump = () => {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(typed.trim());
    if (!m) return;
    const clock = `${m[1]!.padStart(2, "0")}:${m[2]}`;
    let ms = zonedToUtc(dateInZone(from, timeZone), clock, timeZone) + Number(m[3] ?? 0) * 1000;
    // A meeting past midnight: a time before its start is on the next day.
    if (ms < from) ms += 86_400_000;
    onAt(Math.min(Math.max(ms, from), to));
  };

  const link = () => {
    const url = new URL(window.location.href);
    url.searchParams.set("at", new Date(at).toISOString());
    void navigator.clipboard.writeText(url.toString()).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="relative">
        <div className="pointer-events-none absolute inset-x-0 top-1/2 h-3 -translate-y-1/2 rounded bg-slate-200 dark:bg-slate-700" aria-hidden>
          {gaps.map((g) => (
            <span
              key={g.from}
              data-gap
              title={t("gap", { from: f.time(new Date(g.from).toISOString(), timeZone), to: f.time(new Date(g.to).toISOString(), timeZone) })}
              className="absolute inset-y-0 bg-[repeating-linear-gradient(45deg,#f59e0b_0_4px,transparent_4px_8px)]"
              style={{ left: `${((g.from - from) / span) * 100}%`, width: `${Math.max(0.5, ((g.to - g.from) / span) * 100)}%` }}
            />
          ))}
        </div>
        <input
          type="range"
          min={from}
          max={to}
          step={1000}
          value={at}
          onChange={(e) => onAt(Number(e.target.value))}
          aria-label={t("slider")}
          aria-valuetext={f.dateTime(new Date(at).toISOString(), timeZone)}
          className="relative w-full accent-sky-700"
          data-replay-slider
        />
        <div className="flex justify-between text-xs text-slate-600 tabular-nums dark:text-slate-400">
          <span>{f.time(new Date(from).toISOString(), timeZone)}</span>
          <span>{f.time(new Date(to).toISOString(), timeZone)}</span>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={pressable} onClick={() => step(-1)}>
          {t("previous")}
        </button>
        <button type="button" className={pressable} onClick={() => step(1)}>
          {t("next")}
        </button>
        {[10, 60].map((s) => (
          <button key={s} type="button" className={pressable} aria-pressed={speed === s} onClick={() => setSpeed(speed === s ? null : s)}>
            {speed === s ? t("pause") : t("play", { speed: s })}
          </button>
        ))}
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            jump();
          }}
        >
          <label className="flex items-center gap-1">
            <span>{t("jump")}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={isoInZone(at, timeZone).slice(11, 19)} inputMode="numeric" className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1 tabular-nums dark:border-slate-600 dark:bg-slate-950" name="time" />
          </label>
          <button type="submit" className={pressable}>
            {t("go")}
          </button>
        </form>
        <button type="button" className={pressable} onClick={link}>
          {copied ? t("copied") : t("share")}
        </button>
      </div>
    </div>
  );
}
