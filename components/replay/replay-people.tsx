"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useMemo, useRef } from "react";
import type { ReplayParticipant } from "@/lib/domain/replay";
import { useFormat } from "@/lib/client/use-format";

const GRID = "grid grid-cols-[minmax(8rem,2fr)_6rem_4rem_minmax(6rem,1fr)_4rem_4rem] items-center gap-2";

/** The people at the moment: a virtual list, so a 1,000-person meeting scrubs without rendering 1,000 rows. */
export function ReplayPeople({ people, at }: { people: ReplayParticipant[]; at: number }) {
  const t = useTranslations("replay");
  const f = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => [...people].sort((a, b) => rank(a) - rank(b) || byName.compare(a.name, b.name)), [people]);
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => 36, overscan: 10, getItemKey: (i) => sorted[i]!.pid ?? `${sorted[i]!.name}-${i}` });
  const flag = (v: boolean | null) => (v === null ? t("unknown") : v ? t("yes") : t("no"));
  return (
    <section aria-labelledby="replay-people" className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="replay-people" className="px-4 pt-3 text-base font-semibold">
        {t("people")}
      </h2>
      {sorted.length === 0 ? (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">{t("nobody")}</p>
      ) : (
        <div className="overflow-x-auto">
          <div className="min-w-[30rem]">
            <div className={`${GRID} border-b border-slate-200 px-4 py-1.5 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400`} aria-hidden>
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
                    <li key={item.key} data-pid={p.pid} className={`${GRID} absolute inset-x-0 border-b border-slate-100 px-4 py-1.5 text-sm dark:border-slate-800`} style={{ transform: `translateY(${item.start}px)` }}>
                      <span className="truncate font-medium">{p.name}</span>
                      <span>{t("roleValue", { role: p.role ?? "none" })}</span>
                      <span>{flag(p.muted)}</span>
                      <span data-hand={p.handRaised ? "up" : undefined} className={p.handRaised ? "font-medium text-amber-700 dark:text-amber-300" : ""}>
                        {p.handRaised && p.handRaisedSince ? t("handFor", { duration: f.duration(at - Date.parse(p.handRaisedSince)) }) : flag(p.handRaised)}
                      </span>
                      <span>{flag(p.camera)}</span>
                      <span>{flag(p.sharing)}</span>
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
