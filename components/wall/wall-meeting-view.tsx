"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { HandIcon, MicIcon, ShareIcon } from "@/components/participants/icons";
import type { Participant } from "@/lib/domain/participant";
import type { AttentionReason } from "@/lib/domain/wall";
import { useFormat } from "@/lib/client/use-format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { wallMeetingStore } from "@/lib/live/stores";
import { AttentionChips } from "./attention-chips";
import { useGridFit } from "./use-grid-fit";

const ROLE_RANK: Record<Participant["role"], number> = { host: 0, cohost: 1, participant: 2, audience: 3 };
/** Row height of the grid, in the wall's em. */
const ROW_EM = 2.1;

function byAttention(a: Participant, b: Participant): number {
  if (a.handRaised !== b.handRaised) return a.handRaised ? -1 : 1;
  if (a.handRaised) return (a.handRaisedAt ?? "").localeCompare(b.handRaisedAt ?? "");
  return ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.name.localeCompare(b.name);
}

/** One meeting's live grid sized for the wall: large rows, the raise queue and who is missing. */
interface Props {
  conferenceID: string;
  mask: "none" | "initials";
  /** What the overview says needs attention in this meeting. */
  attention: readonly AttentionReason[];
  now: number;
  timeZone: string;
}

export function WallMeetingView({ conferenceID, mask, attention, now, timeZone }: Props) {
  const t = useTranslations("wall");
  const f = useFormat();
  const live = useLiveTopic({ topic: "wall-meeting", conferenceID, mask }, wallMeetingStore);
  const grid = useRef<HTMLUListElement>(null);
  const fit = useGridFit(grid, ROW_EM);
  const people = [...live.rows.values()].sort(byAttention);
  const fields = live.fields;
  const hands = people.filter((p) => p.handRaised);
  const shown = people.slice(0, people.length > fit ? fit - 1 : fit);
  const count = (pick: (p: Participant) => boolean) => f.number(people.filter(pick).length);
  const upstream = live.upstream ?? "polling";
  // Without the host password only presence is known: no mute, hand or camera figures to show.
  const flags = fields?.meeting.coverage !== "presence";
  const unknown = "—";

  return (
    <section className="flex min-h-0 flex-1 flex-col gap-[0.6em]" data-wall-meeting={conferenceID}>
      <header className="flex items-end justify-between gap-[1em]">
        <div className="min-w-0">
          <h2 className="truncate text-[2.2em] font-bold leading-tight">{fields?.meeting.subject ?? "…"}</h2>
          <p className="text-[1.1em] text-slate-300 light:text-slate-600">
            {fields?.meeting.hostName ?? "—"} · {t("started", { time: f.time(fields?.meeting.startTime ?? null, timeZone) })} ·{" "}
            {fields?.meeting.startTime ? f.duration(now - Date.parse(fields.meeting.startTime)) : "—"}
          </p>
        </div>
        <dl className="flex shrink-0 gap-[1.6em] text-center">
          {[
            [t("presentLabel"), f.number(people.length)],
            [t("muted"), flags ? count((p) => p.muted) : unknown],
            [t("handsUp"), flags ? f.number(hands.length) : unknown],
            [t("camera"), flags ? count((p) => p.camera === true) : unknown],
          ].map(([label, value]) => (
            <div key={label}>
              <dd className="text-[2.2em] font-bold tabular-nums leading-none">{value}</dd>
              <dt className="text-[0.9em] uppercase tracking-wide text-slate-400 light:text-slate-600">{label}</dt>
            </div>
          ))}
        </dl>
      </header>
      <div className="flex items-center gap-[1em] text-[1em]">
        <AttentionChips reasons={attention} />
        <p className={upstream === "live" ? "text-slate-400" : "font-semibold text-amber-300 light:text-amber-700"} data-wall-meeting-status={upstream}>
          {t("upstream", { status: upstream })}
          {/* Live means the push socket answers: nothing has changed since. Otherwise say how old the data is. */}
          {upstream !== "live" && live.sourceTime > 0 && ` · ${t("dataAge", { age: f.age(Math.max(0, now - live.sourceTime)) })}`}
        </p>
      </div>
      <div className="grid min-h-0 flex-1 grid-cols-[1fr_22em] gap-[1em]">
        <ul ref={grid} className="grid min-h-0 auto-rows-[2.1em] grid-cols-[repeat(auto-fill,minmax(17em,1fr))] content-start gap-x-[1em] overflow-hidden">
          {shown.map((p) => (
            <li key={p.pid} className="flex items-center justify-between gap-[0.5em] border-b border-slate-800 text-[1.15em] light:border-slate-300" data-pid={p.pid}>
              <span className="truncate">
                {p.name}
                {(p.role === "host" || p.role === "cohost") && <span className="ml-[0.4em] text-[0.8em] text-sky-300 light:text-sky-700">{t("role", { role: p.role })}</span>}
              </span>
              {flags && (
                <span className="flex shrink-0 items-center gap-[0.3em]">
                  {p.handRaised && <HandIcon />}
                  {p.sharing && <ShareIcon />}
                  <MicIcon muted={p.muted} />
                </span>
              )}
            </li>
          ))}
          {people.length > shown.length && <li className="text-[1.15em] text-slate-400">{t("more", { count: f.number(people.length - shown.length) })}</li>}
        </ul>
        <aside className="flex min-h-0 flex-col gap-[1em] overflow-hidden">
          <div>
            <h3 className="text-[1.2em] font-semibold">{t("raisedHands", { count: f.number(hands.length) })}</h3>
            <ol className="text-[1.1em]">
              {hands.slice(0, 8).map((p, i) => (
                <li key={p.pid} className="truncate">
                  {i + 1}. {p.name}{" "}
                  <span className="text-[0.85em] text-slate-400 light:text-slate-600">
                    {p.handRaisedAt && (p.handRaisedBefore ? t("before", { time: f.time(p.handRaisedAt, timeZone) }) : f.duration(now - Date.parse(p.handRaisedAt)))}
                  </span>
                </li>
              ))}
              {hands.length > 8 && <li className="text-slate-400">{t("more", { count: f.number(hands.length - 8) })}</li>}
            </ol>
          </div>
          <div className="min-h-0">
            <h3 className="text-[1.2em] font-semibold">{t("notHere", { count: f.number(fields?.missing.length ?? 0) })}</h3>
            <ul className="text-[1.05em] text-slate-300 light:text-slate-700">
              {fields?.missing.slice(0, 12).map((m, i) => (
                <li key={`${m.name}-${i}`} className="truncate">
                  {m.name}
                </li>
              ))}
              {(fields?.missing.length ?? 0) > 12 && <li className="text-slate-400">{t("more", { count: f.number(fields!.missing.length - 12) })}</li>}
            </ul>
          </div>
        </aside>
      </div>
    </section>
  );
}
