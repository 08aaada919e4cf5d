"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { Person } from "@/lib/domain/attendance";
import { SortButton } from "@/components/app/sort-header";
import { useFormat } from "@/lib/client/use-format";
import type { SortDir } from "@/lib/domain/meeting-order";
import type { PersonSort } from "@/lib/domain/person-order";
import { deviceLabel, mediaLabel, type RecordWords } from "@/lib/domain/record-words";

const GRID = "grid grid-cols-[minmax(10rem,1.4fr)_5rem_5rem_7rem_minmax(12rem,2fr)] items-center gap-3";

/**
 * One row per person: when they came and went, how long they stayed, and a bar of their sessions
 * across the meeting. Virtualized, so a meeting of thousands scrolls smoothly; a row opens to
 * list its sessions. On a narrow screen it scrolls sideways within itself, never the page.
 */
interface Props {
  people: Person[];
  start: number;
  end: number;
  timeZone: string;
  sort: PersonSort;
  dir: SortDir;
  onSort: (sort: PersonSort, dir: SortDir) => void;
}

export function PeopleTimeline({ people, start, end, timeZone, sort, dir, onSort }: Props) {
  const t = useTranslations("attendance");
  const tw = useTranslations("words");
  const f = useFormat();
  const words: RecordWords = { device: (kind) => tw("device", { kind }), media: (kind) => tw("media", { kind }) };
  const scroller = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const virtualizer = useVirtualizer({
    count: people.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 12,
    getItemKey: (i) => keyOf(people[i]!),
  });
  const span = Math.max(1, end - start);
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(3)}%`;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-[44rem]">
      <div className={`${GRID} border-b border-slate-200 bg-slate-50 px-4 py-1.5 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400`}>
        {(["name", "joined", "left", "attended"] as const).map((column) => (
          <SortButton key={column} pressed label={t(column)} column={column} sort={sort} dir={dir} onSort={onSort} firstDir={column === "name" || column === "joined" ? "asc" : "desc"} />
        ))}
        <span className="flex justify-between" aria-hidden>
          <span>{f.time(new Date(start).toISOString(), timeZone)}</span>
          <span>{t("timeline")}</span>
          <span>{f.time(new Date(end).toISOString(), timeZone)}</span>
        </span>
      </div>
      <div ref={scroller} className="max-h-[40rem] overflow-auto" tabIndex={0} role="region" aria-label={t("byPerson")}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }} role="list" aria-label={t("byPerson")}>
          {virtualizer.getVirtualItems().map((item) => {
            const p = people[item.index]!;
            const key = keyOf(p);
            const isOpen = open.has(key);
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 border-b border-slate-100 dark:border-slate-800"
                style={{ transform: `translateY(${item.start}px)` }}
                role="listitem"
              >
                <button
                  type="button"
                  aria-expanded={isOpen}
                  onClick={() => setOpen((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set(s).add(key)))}
                  className={`${GRID} w-full px-4 py-2 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800/50`}
                >
                  <span className="min-w-0">
                    <span className="truncate font-medium">{p.name}</span>
                    {p.lateJoiner && <Flag className="bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200">{t("late")}</Flag>}
                    {p.earlyLeaver && <Flag className="bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200">{t("leftEarly")}</Flag>}
                    {p.sessions.length > 1 && <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">{t("sessions", { count: p.sessions.length })}</span>}
                  </span>
                  <span className="tabular-nums">{f.time(p.firstJoinedAt, timeZone)}</span>
                  <span className="tabular-nums">{f.time(p.lastLeftAt, timeZone)}</span>
                  <span className="tabular-nums">
                    {f.duration(p.durationMs)} <span className="text-xs text-slate-600 dark:text-slate-400">{Math.round(p.shareOfMeeting * 100)}%</span>
                  </span>
                  <span className="relative h-3 rounded bg-slate-100 dark:bg-slate-800" aria-hidden>
                    {p.sessions.map((s, i) => (
                      <span
                        key={i}
                        className="absolute inset-y-0 rounded bg-sky-500/80"
                        style={{ left: pct(Date.parse(s.joinedAt)), width: `max(2px, calc(${pct(Date.parse(s.leftAt))} - ${pct(Date.parse(s.joinedAt))}))` }}
                        title={`${f.time(s.joinedAt, timeZone)}–${f.time(s.leftAt, timeZone)} · ${deviceLabel(s, words) || t("deviceUnknown")}`}
                      />
                    ))}
                  </span>
                </button>
                {isOpen && (
                  <ul className="space-y-1 bg-slate-50 px-6 py-2 text-xs text-slate-700 dark:bg-slate-800/40 dark:text-slate-300">
                    {p.callNumber && <li className="font-mono">{t("callNumber", { number: p.callNumber })}</li>}
                    {p.sessions.map((s, i) => (
                      <li key={i}>
                        {f.time(s.joinedAt, timeZone)} – {f.time(s.leftAt, timeZone)}
                        {s.open && t("stillIn")} · {f.duration(Date.parse(s.leftAt) - Date.parse(s.joinedAt))} · {deviceLabel(s, words) || t("deviceUnknown")} ·{" "}
                        {mediaLabel(s, words) || t("mediaUnknown")}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      </div>
      </div>
    </div>
  );
}

function keyOf(p: Person): string {
  return `${p.name}|${p.callNumber ?? ""}`;
}

function Flag({ className, children }: { className: string; children: React.ReactNode }) {
  return <span className={`ml-1.5 rounded px-1.5 py-0.5 text-xs ${className}`}>{children}</span>;
}
