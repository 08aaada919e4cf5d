"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { CardList, type Card } from "@/components/app/card-list";
import { DataAge } from "@/components/app/data-age";
import { DownloadLinks } from "@/components/app/download-links";
import { Pager } from "@/components/app/pager";
import { DataTable, type Column, type Sorting } from "@/components/app/data-table";
import { PageHeader } from "@/components/app/page-header";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, FilterButtons, SearchInput } from "@/components/app/ui";
import type { Meeting, MeetingListResponse } from "@/lib/domain/meeting";
import { hasAlarm, ongoingTotals, ongoingView, type OngoingSort } from "@/lib/domain/meeting-order";
import { ONGOING_PAGE_SIZE, ONGOING_REFRESH_MS, ongoingExportUrl, ongoingListQuery, ongoingViewSchema, type OngoingViewParams } from "@/lib/client/queries/meetings";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { useNow } from "@/lib/client/use-now";
import { useUrlState } from "@/lib/client/use-url-state";
import { meetingsStore, wallStore } from "@/lib/live/stores";
import { needsSomeone } from "@/lib/domain/attention";
import type { AttentionReason } from "@/lib/domain/wall";
import { AttentionChips } from "@/components/wall/attention-chips";
import { FindPerson } from "./find-person";
import { HealthMarks } from "./health-marks";
import { QualityOffNotice } from "./quality-off-notice";
import { MediaBadges } from "./media-badges";

/** `watchesWall`: an admin, whose list also shows hands up and what needs attention, from the wall's live figures. */
export function MeetingsPage({ watchesWall }: { watchesWall: boolean }) {
  const t = useTranslations("meetings");
  const tc = useTranslations("common");
  const th = useTranslations("health");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [view, setView] = useUrlState(ongoingViewSchema);
  const [search, setSearch] = useState(view.q);
  const q = useDeferredValue(search.trim());
  const shownView: OngoingViewParams = useMemo(() => ({ ...view, q }), [view, q]);
  const [page, setPage] = useState(0);
  const [timeZone] = useTimeZone();
  const now = useNow(15_000);

  // Live first: the relay's `meetings` topic pushes changes; HTTP polling stands in while it cannot.
  const live = useLiveTopic({ topic: "meetings" }, meetingsStore);
  const liveReady = live.connected && live.seq >= 0 && live.upstream === "live";
  const wall = useWallFigures(watchesWall);
  const liveData = useMemo(
    () => (liveReady ? pageOf([...live.rows.values()], shownView, wall.attentionIds, page, live.sourceTime) : undefined),
    [liveReady, live.rows, live.sourceTime, shownView, wall.attentionIds, page],
  );
  const query = useQuery(ongoingListQuery(shownView, wall.attentionIds, page, !liveReady));
  const data = liveData ?? query.data;
  const total = data?.total ?? 0;
  const sorting: Sorting<OngoingSort> = {
    sort: view.sort,
    dir: view.dir,
    onSort: (sort, dir) => {
      setView({ sort, dir });
      setPage(0);
    },
  };
  const columns: Column<Meeting, OngoingSort>[] = [
    {
      key: "subject",
      header: t("subject"),
      sort: { column: "subject" },
      cell: (m) => (
        <>
          <Link href={`/meetings/${m.conferenceID}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            {m.subject}
          </Link>
          {m.recording && <RecBadge />}
          {wall.attention.get(m.conferenceID) && <AttentionChips reasons={wall.attention.get(m.conferenceID)!} />}
        </>
      ),
    },
    { key: "id", header: t("meetingId"), cell: (m) => m.conferenceID, className: "font-mono text-xs" },
    { key: "host", header: t("host"), sort: { column: "host" }, cell: (m) => m.hostName ?? "—" },
    { key: "start", header: t("started"), sort: { column: "start", firstDir: "desc" }, cell: (m) => f.dateTime(m.startTime, timeZone), className: "whitespace-nowrap" },
    { key: "running", header: t("runningFor"), sort: { column: "running", firstDir: "desc" }, cell: (m) => (m.startTime ? f.duration(now - Date.parse(m.startTime)) : "—"), className: "whitespace-nowrap" },
    {
      key: "present",
      header: t("present"),
      sort: { column: "present", firstDir: "desc", title: t("presentInvitedHint") },
      align: "right",
      cell: (m) => (
        <span data-present>
          <Present m={m} />
        </span>
      ),
    },
    { key: "invited", header: t("invited"), sort: { column: "invited", firstDir: "desc" }, align: "right", cell: (m) => <span data-invited>{m.invitedCount === null ? "—" : f.number(m.invitedCount)}</span> },
    { key: "media", header: t("media"), cell: (m) => <MediaBadges mediaTypes={m.mediaTypes} /> },
    ...(data?.totals.quality !== null && data?.totals.quality !== undefined
      ? [{ key: "health", header: th("column"), sort: { column: "health" as const, firstDir: "desc" as const, title: th("since") }, cell: (m: Meeting) => <HealthMarks health={m.health} /> }]
      : []),
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={
          <span data-totals>
            {data ? t("totals", { meetings: data.totals.meetings, present: f.number(data.totals.present) }) : query.isError ? t("loadFailed") : tc("loading")}
            {data && wall.ready && ` · ${t("handsUp", { count: wall.hands })}`}
          </span>
        }
        actions={
          <>
            <DataAge fetchedAt={data?.fetchedAt} staleAfterMs={ONGOING_REFRESH_MS * 3} error={!liveData && query.isError && data ? errorMessage(query.error) : null} />
            <SearchInput
              value={search}
              onChange={(v) => {
                setSearch(v);
                setView({ q: v.trim() });
                setPage(0);
              }}
              label={t("search")}
              className="w-full sm:w-72"
            />
          </>
        }
      />

      <FindPerson />
      <QualityOffNotice />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <FilterButtons
          label={tc("show")}
          options={[
            ["all", t("showAll")],
            ...(wall.ready || view.show === "attention" ? ([["attention", t("showAttention", { count: wall.attentionIds.length })]] as const) : []),
            // A host's own list also splits into the meetings they host and those they are invited to.
            ...(data && data.totals.hosting !== null
              ? ([
                  ["hosting", t("showHosting", { count: data.totals.hosting })],
                  ["invited", t("showInvited", { count: data.totals.meetings - data.totals.hosting })],
                ] as const)
              : []),
            ["recording", t("showRecording", { count: data?.totals.recording ?? 0 })],
            ["large", t("showLarge", { count: data?.totals.large ?? 0 })],
            ...(data && data.totals.quality !== null ? ([["quality", th("showQuality", { count: data.totals.quality })]] as const) : []),
          ]}
          value={view.show}
          onChange={(show) => {
            setView({ show });
            setPage(0);
          }}
        />
        <DownloadLinks csv={ongoingExportUrl(shownView, wall.attentionIds, "csv", timeZone)} xlsx={ongoingExportUrl(shownView, wall.attentionIds, "xlsx", timeZone)} />
      </div>

      {!data && !query.isError && <TableSkeleton />}
      {query.isError && !data && (
        <ErrorBox title={t("loadFailed")} message={errorMessage(query.error)}>
          <button type="button" onClick={() => query.refetch()} className="underline">
            {tc("tryAgain")}
          </button>
        </ErrorBox>
      )}
      {data && data.items.length === 0 && <EmptyState>{q ? t("noMatch", { q }) : view.show !== "all" ? t("noneShown") : t("none")}</EmptyState>}
      {data && data.items.length > 0 && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("count", { count: total })}</p>
          <MeetingCards items={data.items} now={now} attention={wall.attention} />
          <DataTable
            label={t("title")}
            columns={columns}
            rows={data.items}
            rowKey={(m) => m.conferenceID}
            rowProps={(m) => ({ "data-meeting": m.conferenceID })}
            sorting={sorting}
            frameClassName="hidden sm:block"
          />
        </>
      )}
      <Pager page={page} pageSize={ONGOING_PAGE_SIZE} total={total} onPage={setPage} />
    </div>
  );
}

/** The API's view of the live copy: the same search, filter, order and totals, a page of it. */
function pageOf(all: Meeting[], view: OngoingViewParams, attentionIds: readonly string[], page: number, sourceTime: number): MeetingListResponse {
  const matching = ongoingView(all, { ...view, show: view.show === "attention" ? "all" : view.show, ...(view.show === "attention" ? { ids: attentionIds } : {}) });
  return {
    items: matching.slice(page * ONGOING_PAGE_SIZE, (page + 1) * ONGOING_PAGE_SIZE),
    total: matching.length,
    totals: ongoingTotals(all),
    fetchedAt: new Date(sourceTime).toISOString(),
  };
}

const NO_ATTENTION = new Map<string, readonly AttentionReason[]>();

/**
 * For an admin, the wall topic's live figures of every meeting (hands up, what needs attention):
 * the same summaries the NOC wall shows, shared with it through the relay.
 */
function useWallFigures(enabled: boolean) {
  const wall = useLiveTopic({ topic: "wall", mask: "none" }, wallStore, enabled);
  return useMemo(() => {
    const rows = [...wall.rows.values()];
    const attention = enabled ? new Map(rows.filter((m) => m.attention.length).map((m) => [m.conferenceID, m.attention] as const)) : NO_ATTENTION;
    return {
      ready: enabled && wall.seq >= 0,
      hands: rows.reduce((n, m) => n + (m.hands ?? 0), 0),
      attention,
      // "Needs attention" counts what needs a person, as the wall does; no live data is said on the meeting, not counted.
      attentionIds: [...attention].filter(([, reasons]) => needsSomeone(reasons)).map(([id]) => id).sort(),
    };
  }, [enabled, wall.rows, wall.seq]);
}

/** The head count; more present than invited says that people joined uninvited, and how many. */
function Present({ m }: { m: Meeting }) {
  const t = useTranslations("meetings");
  const f = useFormat();
  const uninvited = m.participantCount !== null && m.invitedCount ? m.participantCount - m.invitedCount : 0;
  return (
    <>
      {m.participantCount === null ? "—" : f.number(m.participantCount)}
      {uninvited > 0 && <span className="block text-xs text-slate-600 dark:text-slate-400">{t("uninvited", { count: uninvited })}</span>}
    </>
  );
}

function RecBadge() {
  const t = useTranslations("common");
  return <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800 dark:bg-red-900/40 dark:text-red-200">{t("rec")}</span>;
}

/** On a phone the list is cards of what matters most: subject, host, present / invited, running for. */
function MeetingCards({ items, now, attention }: { items: Meeting[]; now: number; attention: ReadonlyMap<string, readonly AttentionReason[]> }) {
  const t = useTranslations("meetings");
  const f = useFormat();
  const cards: Card[] = items.map((m) => ({
    key: m.conferenceID,
    href: `/meetings/${m.conferenceID}`,
    title: m.subject,
    badge: (
      <>
        {m.recording && <RecBadge />}
        {attention.get(m.conferenceID) && <AttentionChips reasons={attention.get(m.conferenceID)!} />}
      </>
    ),
    lines: [
      m.hostName ?? "—",
      t("card", {
        present: m.participantCount === null ? "—" : f.number(m.participantCount),
        invited: m.invitedCount === null ? "—" : f.number(m.invitedCount),
        duration: m.startTime ? f.duration(now - Date.parse(m.startTime)) : "—",
      }),
      ...(hasAlarm(m) ? [<HealthMarks key="health" health={m.health} />] : []),
    ],
  }));
  return <CardList label={t("title")} cards={cards} />;
}

function TableSkeleton() {
  const t = useTranslations("meetings");
  return (
    <div aria-label={t("loadingTable")} role="status" className="space-y-2">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
