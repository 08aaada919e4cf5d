"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { CardList, type Card } from "@/components/app/card-list";
import { DataAge } from "@/components/app/data-age";
import { Pager } from "@/components/app/pager";
import { SortHeader } from "@/components/app/sort-header";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, FilterButtons, SearchInput, tableFrame, tableHead } from "@/components/app/ui";
import type { Meeting, MeetingListResponse } from "@/lib/domain/meeting";
import { ongoingTotals, ongoingView, type OngoingSort, type SortDir } from "@/lib/domain/meeting-order";
import { ONGOING_PAGE_SIZE, ONGOING_REFRESH_MS, ongoingExportUrl, ongoingListQuery, ongoingViewSchema, type OngoingViewParams } from "@/lib/client/queries/meetings";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { useNow } from "@/lib/client/use-now";
import { useUrlState } from "@/lib/client/use-url-state";
import { meetingsStore } from "@/lib/live/stores";
import { MediaBadges } from "./media-badges";

export function MeetingsPage() {
  const t = useTranslations("meetings");
  const tc = useTranslations("common");
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
  const liveData = useMemo(() => (liveReady ? pageOf([...live.rows.values()], shownView, page, live.sourceTime) : undefined), [liveReady, live.rows, live.sourceTime, shownView, page]);
  const query = useQuery(ongoingListQuery(shownView, page, !liveReady));
  const data = liveData ?? query.data;
  const total = data?.total ?? 0;
  const sortBy = (sort: OngoingSort, dir: SortDir) => {
    setView({ sort, dir });
    setPage(0);
  };
  const sortProps = { sort: view.sort, dir: view.dir, onSort: sortBy };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300" data-totals>
            {data ? t("totals", { meetings: data.totals.meetings, present: f.number(data.totals.present) }) : query.isError ? t("loadFailed") : tc("loading")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
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
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <FilterButtons
          label={tc("show")}
          options={[
            ["all", t("showAll")],
            // A host's own list also splits into the meetings they host and those they are invited to.
            ...(data && data.totals.hosting !== null
              ? ([
                  ["hosting", t("showHosting", { count: data.totals.hosting })],
                  ["invited", t("showInvited", { count: data.totals.meetings - data.totals.hosting })],
                ] as const)
              : []),
            ["recording", t("showRecording", { count: data?.totals.recording ?? 0 })],
            ["large", t("showLarge", { count: data?.totals.large ?? 0 })],
          ]}
          value={view.show}
          onChange={(show) => {
            setView({ show });
            setPage(0);
          }}
        />
        <div className="flex gap-2 text-sm">
          <a href={ongoingExportUrl(shownView, "csv", timeZone)} download className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            {t("downloadCsv")}
          </a>
          <a href={ongoingExportUrl(shownView, "xlsx", timeZone)} download className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            {t("downloadExcel")}
          </a>
        </div>
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
          <MeetingCards items={data.items} now={now} />
          <div className={`hidden sm:block ${tableFrame}`}>
            <table className="w-full text-left text-sm">
              <thead className={tableHead}>
                <tr>
                  <SortHeader label={t("subject")} column="subject" {...sortProps} />
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("meetingId")}
                  </th>
                  <SortHeader label={t("host")} column="host" {...sortProps} />
                  <SortHeader label={t("started")} column="start" firstDir="desc" {...sortProps} />
                  <SortHeader label={t("runningFor")} column="running" firstDir="desc" {...sortProps} />
                  <SortHeader label={t("present")} column="present" firstDir="desc" align="right" title={t("presentInvitedHint")} {...sortProps} />
                  <SortHeader label={t("invited")} column="invited" firstDir="desc" align="right" {...sortProps} />
                  <th scope="col" className="px-4 py-3 font-medium">
                    {t("media")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {data.items.map((m) => (
                  <tr key={m.conferenceID} className="hover:bg-slate-50 dark:hover:bg-slate-800/50" data-meeting={m.conferenceID}>
                    <td className="px-4 py-2.5">
                      <Link href={`/meetings/${m.conferenceID}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                        {m.subject}
                      </Link>
                      {m.recording && <RecBadge />}
                    </td>
                    <td className="px-4 py-2.5 font-mono text-xs">{m.conferenceID}</td>
                    <td className="px-4 py-2.5">{m.hostName ?? "—"}</td>
                    <td className="px-4 py-2.5 whitespace-nowrap">{f.dateTime(m.startTime, timeZone)}</td>
                    <td className="px-4 py-2.5 whitespace-nowrap">{m.startTime ? f.duration(now - Date.parse(m.startTime)) : "—"}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums" data-present>
                      <Present m={m} />
                    </td>
                    <td className="px-4 py-2.5 text-right tabular-nums" data-invited>
                      {m.invitedCount === null ? "—" : f.number(m.invitedCount)}
                    </td>
                    <td className="px-4 py-2.5">
                      <MediaBadges mediaTypes={m.mediaTypes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pager page={page} pageSize={ONGOING_PAGE_SIZE} total={total} onPage={setPage} />
    </div>
  );
}

/** The API's view of the live copy: the same search, filter, order and totals, a page of it. */
function pageOf(all: Meeting[], view: OngoingViewParams, page: number, sourceTime: number): MeetingListResponse {
  const matching = ongoingView(all, view);
  return {
    items: matching.slice(page * ONGOING_PAGE_SIZE, (page + 1) * ONGOING_PAGE_SIZE),
    total: matching.length,
    totals: ongoingTotals(all),
    fetchedAt: new Date(sourceTime).toISOString(),
  };
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
function MeetingCards({ items, now }: { items: Meeting[]; now: number }) {
  const t = useTranslations("meetings");
  const f = useFormat();
  const cards: Card[] = items.map((m) => ({
    key: m.conferenceID,
    href: `/meetings/${m.conferenceID}`,
    title: m.subject,
    badge: m.recording ? <RecBadge /> : undefined,
    lines: [
      m.hostName ?? "—",
      t("card", {
        present: m.participantCount === null ? "—" : f.number(m.participantCount),
        invited: m.invitedCount === null ? "—" : f.number(m.invitedCount),
        duration: m.startTime ? f.duration(now - Date.parse(m.startTime)) : "—",
      }),
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
