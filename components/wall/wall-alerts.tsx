"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { alertsQuery } from "@/lib/client/queries/alerts";
import { useFormat } from "@/lib/client/use-format";

/** At most this many alerts named on the wall; the rest are counted. */
const SHOWN = 4;

/** The alerts firing now, across the top of the wall, most severe first; a wall that cannot read them shows nothing here. */
export function WallAlerts({ now }: { now: number }) {
  const t = useTranslations("alerts");
  const wall = useTranslations("wall");
  const words = useTranslations("alertMessages");
  const f = useFormat();
  const { data } = useQuery(alertsQuery(10_000));
  const firing = [...(data?.firing ?? [])].sort((a, b) => rank(b.severity) - rank(a.severity) || a.firedAt.localeCompare(b.firedAt));
  if (!firing.length) return null;
  return (
    <section aria-label={t("wall", { count: firing.length })} className="flex flex-wrap items-center gap-[0.5em] text-[1.1em]" data-wall-alerts>
      <span className="font-semibold text-red-300 light:text-red-800">{t("wall", { count: firing.length })}</span>
      {firing.slice(0, SHOWN).map((a) => (
        <span
          key={a.id}
          data-wall-alert={a.reason}
          className={`rounded-[0.3em] px-[0.6em] py-[0.15em] ${a.severity === "critical" ? "bg-red-700 text-white" : a.severity === "warning" ? "bg-amber-400 text-amber-950" : "bg-slate-700 text-slate-100 light:bg-slate-300 light:text-slate-900"} ${a.ackedBy ? "opacity-70" : ""}`}
        >
          {words("reason", { reason: a.reason })}: {a.subject} · {f.duration(now - Date.parse(a.firedAt))}
          {a.ackedBy ? ` · ${t("wallAcked")}` : ""}
        </span>
      ))}
      {firing.length > SHOWN && <span className="text-slate-300 light:text-slate-700">{wall("more", { count: firing.length - SHOWN })}</span>}
    </section>
  );
}

const rank = (s: string) => (s === "critical" ? 2 : s === "warning" ? 1 : 0);
