"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import { QualityLevelMark } from "@/components/participants/quality-mark";
import type { ReplayParticipant } from "@/lib/domain/replay";
import { useFormat } from "@/lib/client/use-format";
import { useMediaQuery } from "@/lib/client/use-media-query";

/**
 * Columns from a tablet on; on a phone each person is a name over a line of what is so. Rows have
 * a fixed height for each (measuring every row as it scrolls in would cost the scrubbing its frames).
 */
const ROW_PX = { wide: 36, narrow: 52 };
const GRID = "h-[52px] sm:h-[36px] sm:grid sm:grid-cols-[minmax(8rem,2fr)_6rem_4rem_minmax(6rem,1fr)_4rem_4rem] sm:items-center sm:gap-2";

/** The people at the moment: a virtual list, so a 1,000-person meeting scrubs without rendering 1,000 rows. */
export function ReplayPeople({ people, at }: { people: ReplayParticipant[]; at: number }) {
  const t = useTranslations("replay");
  const f = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => [...people].sort((a, b) => rank(a) - rank(b) || byName.compare(a.name, b.name)), [people]);
  const wide = useMediaQuery("(min-width: 640px)");
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => (wide ? ROW_PX.wide : ROW_PX.narrow), overscan: 10, getItemKey: (i) => sorted[i]!.pid ?? `${sorted[i]!.name}-${i}` });
  const flag = (v: boolean | null) => (v === null ? t("unknown") : v ? t("yes") : t("no"));
  const hand = (p: ReplayParticipant) => (p.handRaised && p.handRaisedSince ? t("handFor", { duration: f.duration(at - Date.parse(p.handRaisedSince)) }) : flag(p.handRaised));
  return (
    <section aria-labelledby="replay-people" className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="replay-people" className="px-4 pt-3 text-base font-semibold">
        {t("people")}
      </h2>
      {sorted.length === 0 ? (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">{t("nobody")}</p>
      ) : (
        <div className="sm:overflow-x-auto">
          <div className="sm:min-w-[30rem]">
            <div className={`hidden ${GRID} border-b border-slate-200 px-4 py-1.5 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400`} aria-hidden>
              <span>{t("name")}</span>
              <span>{t("role")}</span>
              <span>{t("muted")}</span>
              <span>{t("hand")}</span>
              <span>{t("camera")}</span>
              <span>{t("sharing")}</span>
            </div>
            <div ref={scroller} className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label={t("people")}>
              <ul style={{ height: virtualizer.getTotalSize(), position: "relative" }} aria-label={t("people")} data-replay-people={sorted.length}>
                {virtualizer.getVirtualItems().map((item) => {
                  const p = sorted[item.index]!;
                  return (
                    <li
                      key={item.key}
                      data-pid={p.pid}
                      data-speaking={p.speaking ? "" : undefined}
                      className={`${GRID} absolute inset-x-0 overflow-hidden border-b border-slate-100 px-4 py-1.5 text-sm dark:border-slate-800`}
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      <span className="flex min-w-0 items-center gap-1.5">
                        <span className={`truncate ${p.speaking ? "font-semibold" : "font-medium"}`}>{p.name}</span>
                        {p.speaking && <span className="shrink-0 text-xs text-emerald-700 dark:text-emerald-400">{t("speaking")}</span>}
                        {p.quality && p.quality !== "good" && <QualityLevelMark level={p.quality} />}
                      </span>
                      <span className="hidden sm:inline">{t("roleValue", { role: p.role ?? "none" })}</span>
                      <span className="hidden sm:inline">{flag(p.muted)}</span>
                      <span data-hand={p.handRaised ? "up" : undefined} className={`hidden sm:inline ${p.handRaised ? "font-medium text-amber-700 dark:text-amber-300" : ""}`}>
                        {hand(p)}
                      </span>
                      <span className="hidden sm:inline">{flag(p.camera)}</span>
                      <span className="hidden sm:inline">{flag(p.sharing)}</span>
                      <span className="flex flex-wrap gap-x-2 text-xs text-slate-600 sm:hidden dark:text-slate-400">
                        {p.role && p.role !== "participant" && <span>{t("roleValue", { role: p.role })}</span>}
                        {p.muted !== null && <span>{t("mutedShort", { muted: String(p.muted) })}</span>}
                        {p.handRaised && <span className="font-medium text-amber-700 dark:text-amber-300">{t("handShort", { state: hand(p) })}</span>}
                        {p.camera && <span>{t("cameraOn")}</span>}
                        {p.sharing && <span>{t("sharingNow")}</span>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

const byName = new Intl.Collator();

/** Hosts first, then hands up, then everyone else. */
const rank = (p: ReplayParticipant) => (p.role === "host" ? 0 : p.role === "cohost" ? 1 : p.handRaised ? 2 : 3);
