"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { DataAge } from "@/components/app/data-age";
import { EmptyState, FilterButtons, SearchInput } from "@/components/app/ui";
import { useTranslations } from "next-intl";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Attendee, MeetingDetailResponse } from "@/lib/domain/meeting";
import type { Participant } from "@/lib/domain/participant";
import type { SortDir } from "@/lib/domain/meeting-order";
import { compareParticipants, type ParticipantSort } from "@/lib/domain/participant-order";
import { liveGridViewSchema, participantsExportUrl } from "@/lib/client/queries/meetings";
import { DownloadLinks } from "@/components/app/download-links";
import { AbsentInvitees } from "@/components/app/absent-invitees";
import { SortButton } from "@/components/app/sort-header";
import { useTimeZone } from "@/components/app/time-zone";
import { useUrlState } from "@/lib/client/use-url-state";
import { missingInvitees } from "@/lib/domain/presence";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { meetingStore } from "@/lib/live/stores";
import { HandQueue } from "./hand-queue";
import { CameraIcon, HandIcon, MicIcon, ShareIcon } from "./icons";
import { LiveAnnouncer } from "./live-announcer";
import { LiveStatus } from "./live-status";
import { ParticipantDetails } from "./participant-details";
import { QualityMark } from "./quality-mark";
import { UnavailablePanel } from "./unavailable-panel";

type Filter = "all" | "hands" | "muted" | "camera-off" | "poor";

const poorConnection = (p: Participant) => p.quality !== null && p.quality.level !== "good";
const PASSES: Record<Filter, (p: Participant) => boolean> = {
  all: () => true,
  hands: (p) => p.handRaised,
  muted: (p) => p.muted,
  "camera-off": (p) => p.camera === false,
  poor: poorConnection,
};
const byAttention = compareParticipants("attention", "asc");

interface Props {
  conferenceID: string;
  invitees: Attendee[];
  /** The ongoing list's head count, shown while no live data is at hand. */
  listedPresent: MeetingDetailResponse["listedPresent"];
  mayEnterHostPassword: boolean;
  onEnded: () => void;
  /** The viewer may see a person's quality detail (admins). */
  qualityDetail: boolean;
}

export function LiveParticipants({ conferenceID, invitees, listedPresent, mayEnterHostPassword, onEnded, qualityDetail }: Props) {
  const t = useTranslations("participants");
  const tc = useTranslations("common");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const live = useLiveTopic({ topic: "meeting", conferenceID }, meetingStore);
  const ended = live.upstream === "ended";
  const unavailable = live.upstream === "unavailable";
  useEffect(() => {
    if (ended) onEnded();
  }, [ended, onEnded]);
  const [filter, setFilter] = useState<Filter>("all");
  const [view, setView] = useUrlState(liveGridViewSchema);
  const order = useMemo(() => compareParticipants(view.psort, view.pdir), [view.psort, view.pdir]);
  const router = useRouter();
  // Opening a person's details is a step Back undoes; another person opened meanwhile replaces it.
  const pushed = useRef(false);
  useEffect(() => {
    if (!view.person) pushed.current = false;
  }, [view.person]);
  const closeDetails = useCallback(() => {
    if (pushed.current) router.back();
    else setView({ person: "" });
  }, [router, setView]);
  // Stable, so the memoized rows re-render only when their participant changes.
  const openDetails = useCallback(
    (pid: string) => {
      setView({ person: pid }, { history: pushed.current ? "replace" : "push" });
      pushed.current = true;
    },
    [setView],
  );
  const [search, setSearch] = useState("");
  const { rows } = live;
  const [timeZone] = useTimeZone();

  const { all, shown, counts, queue } = useMemo(() => {
    const everyone = [...rows.values()];
    const needle = search.trim().toLowerCase();
    const pass = (p: Participant) =>
      PASSES[filter](p) && (!needle || p.name.toLowerCase().includes(needle));
    return {
      all: everyone,
      shown: everyone.filter(pass).sort(order),
      counts: {
        present: everyone.length,
        muted: everyone.filter((p) => p.muted).length,
        hands: everyone.filter((p) => p.handRaised).length,
        camera: everyone.filter((p) => p.camera === true).length,
        cameraUnknown: everyone.filter((p) => p.camera === null).length,
        // Null while nobody's connection has been measured (quality not to be had, or not yet asked).
        poor: everyone.some((p) => p.quality !== null) ? everyone.filter(poorConnection).length : null,
      },
      queue: everyone.filter((p) => p.handRaised).sort(byAttention),
    };
  }, [rows, filter, search, order]);
  const selected = view.person ? rows.get(view.person) : undefined;

  const fields = live.fields;
  const attendees = fields?.attendees.length ? fields.attendees : invitees;
  // Without the host password Huawei's attendee list still says who is present, but none of their flags.
  const presenceOnly = fields?.meeting.coverage === "presence";
  const hasLiveData = live.seq >= 0 && (!unavailable || presenceOnly);
  const hasFlags = hasLiveData && !presenceOnly;
  // Live: the relay's own count. Otherwise the ongoing list's figure, with its age: one number for who is present.
  const liveCount = hasLiveData && (live.upstream === "live" || live.upstream === "polling" || ended || presenceOnly);
  const missing = useMemo(() => (hasLiveData ? missingInvitees(attendees, all) : []), [hasLiveData, attendees, all]);
  const speaking = new Set(fields?.speakers ?? []);
  // CAMERASTATE comes only through the push channel: while it is down, camera states are those last pushed.
  const cameraAsOfLastPush = live.upstream !== "live";

  return (
    <section className="space-y-3" aria-labelledby="participants-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="participants-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <LiveStatus upstream={live.upstream} connected={live.connected} sourceTime={live.sourceTime} presence={presenceOnly} />
          <DownloadLinks compact csv={participantsExportUrl(conferenceID, "csv", timeZone)} xlsx={participantsExportUrl(conferenceID, "xlsx", timeZone)} />
        </div>
      </div>
      <LiveAnnouncer queue={queue} upstream={live.upstream} connected={live.connected} ready={live.seq >= 0} />
      {live.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {errorMessage(live.error)}
        </p>
      )}

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {liveCount ? (
          <Count id="present" label={ended ? t("presentAtEnd") : t("present")} value={counts.present} note={presenceOnly ? t("byAttendeeList") : undefined} />
        ) : (
          <Count
            id="present"
            label={t("present")}
            value={listedPresent?.count ?? null}
            note={
              listedPresent ? (
                <>
                  {t("byList")} · <DataAge fetchedAt={listedPresent.fetchedAt} staleAfterMs={60_000} />
                </>
              ) : (
                t("notKnown")
              )
            }
          />
        )}
        {hasFlags && (
          <>
            <Count id="muted" label={t("muted")} value={counts.muted} />
            <Count id="hands" label={t("handsUp")} value={counts.hands} highlight={counts.hands > 0} />
            <Count
              id="camera"
              label={t("cameraOn")}
              value={counts.camera}
              note={[cameraAsOfLastPush && t("asOfLastUpdate"), counts.cameraUnknown > 0 && t("unknownCount", { count: f.number(counts.cameraUnknown) })].filter(Boolean).join(" · ") || undefined}
            />
          </>
        )}
      </div>

      {unavailable && <UnavailablePanel conferenceID={conferenceID} reason={live.reason} mayEnterHostPassword={mayEnterHostPassword} presence={presenceOnly} />}
      {(!unavailable || presenceOnly) && (
        // On a desk the list and what sits beside it (a person's details, else the raised hands) side by side, as Webex's troubleshooting view.
        <div className={`grid items-start gap-4 ${selected || queue.length > 0 ? "lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}`}>
          <div className="min-w-0 space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              {hasFlags && <FilterButtons
                label={tc("show")}
                options={[
                  ["all", t("everyone")],
                  ["hands", t("handsUp")],
                  ["muted", t("muted")],
                  ["camera-off", t("cameraOff")],
                  ...(counts.poor !== null ? ([["poor", t("poorConnection", { count: counts.poor })]] as const) : []),
                ]}
                value={filter}
                onChange={setFilter}
              />}
              <SearchInput value={search} onChange={setSearch} label={t("find")} className="w-full sm:ml-auto sm:w-64" />
            </div>

            {live.seq < 0 ? (
              <div className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={t("loading")} />
            ) : shown.length === 0 ? (
              <EmptyState>{all.length === 0 ? t("nobodyIn") : tc("nobodyMatches")}</EmptyState>
            ) : (
              <ParticipantList
                participants={shown}
                speaking={speaking}
                cameraAsOfLastPush={cameraAsOfLastPush}
                flags={!presenceOnly}
                sort={view.psort}
                dir={view.pdir}
                onSort={(psort, pdir) => setView({ psort, pdir })}
                onOpen={openDetails}
              />
            )}
          </div>
          {(selected || queue.length > 0) && (
            <div className="space-y-4 lg:sticky lg:top-4">
              {selected && <ParticipantDetails conferenceID={conferenceID} p={selected} speaking={speaking.has(selected.pid)} flags={!presenceOnly} qualityDetail={qualityDetail} onClose={closeDetails} />}
              {queue.length > 0 && <HandQueue queue={queue} onShowAll={() => setFilter("hands")} />}
            </div>
          )}
        </div>
      )}

      {missing.length > 0 && <AbsentInvitees summary={t("missing", { count: f.number(missing.length) })} label={t("missingList")} invitees={missing} />}
    </section>
  );
}

function Count({ id, label, value, highlight, note }: { id: string; label: string; value: number | null; highlight?: boolean; note?: React.ReactNode }) {
  const f = useFormat();
  return (
    <div className={`rounded-lg border px-3 py-1 shadow-sm ${highlight ? "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/30" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"}`}>
      <div className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</div>
      <div className="text-lg font-semibold leading-tight tabular-nums" data-count={id}>
        {value === null ? "—" : f.number(value)}
      </div>
      {note && <div className="text-[11px] leading-tight text-slate-600 dark:text-slate-400">{note}</div>}
    </div>
  );
}

const ROW = "grid grid-cols-[minmax(8rem,1fr)_auto] items-center gap-3 px-4 sm:grid-cols-[minmax(10rem,1fr)_6rem_5rem_7rem_10rem]";

interface ListProps {
  participants: Participant[];
  speaking: Set<string>;
  cameraAsOfLastPush: boolean;
  /** Mute, hand, camera and sharing are known (not so for presence alone). */
  flags: boolean;
  sort: ParticipantSort;
  dir: SortDir;
  onSort: (sort: ParticipantSort, dir: SortDir) => void;
  onOpen: (pid: string) => void;
}

/** Virtualized: only the rows on screen exist, and a row re-renders only when its participant changed. */
function ParticipantList({ participants, speaking, cameraAsOfLastPush, flags, sort, dir, onSort, onOpen }: ListProps) {
  const t = useTranslations("participants");
  const td = useTranslations("details");
  const list = useRef<HTMLDivElement>(null);
  // The page is the one scroll: the list is as tall as its rows, and only those on screen exist.
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    // Where the list starts on the page moves whenever something above it changes size (the facts opened, a notice).
    const measure = () => setTop((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({ count: participants.length, estimateSize: () => 44, overscan: 15, getItemKey: (i) => participants[i]!.pid, scrollMargin: top });
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className={`${ROW} border-b border-slate-200 bg-slate-50 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400`} aria-label={td("columns")} role="group">
        <span className="flex flex-wrap items-center gap-2">
          <SortButton pressed label={t("name")} column="name" sort={sort} dir={dir} onSort={onSort} />
          {sort !== "attention" && (
            <button type="button" onClick={() => onSort("attention", "asc")} className="rounded px-1 py-1 normal-case underline" data-sort-column="attention">
              {td("sortAttention")}
            </button>
          )}
        </span>
        <span className="hidden sm:block"><SortButton pressed label={t("roleColumn")} column="role" sort={sort} dir={dir} onSort={onSort} /></span>
        <span className="hidden sm:block"><SortButton pressed label={t("joined")} column="joined" sort={sort} dir={dir} onSort={onSort} /></span>
        <span className="hidden uppercase tracking-wide sm:block">{t("deviceColumn")}</span>
        <span className="justify-self-end uppercase tracking-wide">{t("statusColumn")}</span>
      </div>
      <div ref={list}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }} role="list" aria-label={t("list")}>
          {virtualizer.getVirtualItems().map((item) => {
            const p = participants[item.index]!;
            return (
              <div key={item.key} className="absolute inset-x-0 h-11 border-b border-slate-100 dark:border-slate-800" style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }} role="listitem">
                <ParticipantRow p={p} speaking={speaking.has(p.pid)} cameraAsOfLastPush={cameraAsOfLastPush} flags={flags} onOpen={onOpen} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const ROLE_BADGE: Partial<Record<Participant["role"], string>> = {
  host: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300",
  cohost: "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-300",
  audience: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};
const ParticipantRow = memo(function ParticipantRow({ p, speaking, cameraAsOfLastPush, flags, onOpen }: { p: Participant; speaking: boolean; cameraAsOfLastPush: boolean; flags: boolean; onOpen: (pid: string) => void }) {
  const t = useTranslations("participants");
  const td = useTranslations("details");
  const f = useFormat();
  const [timeZone] = useTimeZone();
  return (
    <div className={`${ROW} h-full text-sm`} data-pid={p.pid} data-muted={p.muted} data-hand={p.handRaised} data-camera={String(p.camera)}>
      <span className="flex min-w-0 items-center gap-2">
        <button type="button" onClick={() => onOpen(p.pid)} aria-label={td("open", { name: p.name })} className={`truncate text-left hover:underline ${speaking ? "font-semibold" : ""}`}>
          {p.name}
        </button>
        {p.role !== "participant" && <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs sm:hidden ${ROLE_BADGE[p.role]}`}>{t("role", { role: p.role })}</span>}
        {p.state !== "in-meeting" && <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{p.state === "calling" ? t("beingCalled") : t("joining")}</span>}
        {speaking && <span className="shrink-0 text-xs text-emerald-700 dark:text-emerald-400">{t("speaking")}</span>}
      </span>
      <span className="hidden sm:block">{p.role !== "participant" && <span className={`rounded px-1.5 py-0.5 text-xs ${ROLE_BADGE[p.role]}`}>{t("role", { role: p.role })}</span>}</span>
      <span className="hidden text-xs tabular-nums text-slate-600 sm:block dark:text-slate-400">{f.time(p.joinedAt, timeZone)}</span>
      <span className="hidden truncate text-xs text-slate-600 sm:block dark:text-slate-400">{p.device ? t("device", { type: p.device }) : ""}</span>
      {!flags ? (
        <span className="justify-self-end text-xs text-slate-600 dark:text-slate-400" title={t("flagsMissing")}>
          —
        </span>
      ) : (
      <span className="flex items-center justify-end gap-2">
        {p.quality && p.quality.level !== "good" && <QualityMark quality={p.quality} />}
        {p.handRaised && <HandIcon />}
        {p.sharing && <ShareIcon />}
        {p.videoSite ? <CameraIcon on={p.camera} asOfLastPush={cameraAsOfLastPush} /> : <span className="text-xs text-slate-600 dark:text-slate-400">{t("audioOnly")}</span>}
        <MicIcon muted={p.muted} />
      </span>
      )}
    </div>
  );
});
