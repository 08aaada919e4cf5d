"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useState } from "react";
import { CardList, type Card } from "@/components/app/card-list";
import { DataAge } from "@/components/app/data-age";
import { Pager } from "@/components/app/pager";
import { EmptyState, ErrorBox, SearchInput, tableFrame, tableHead } from "@/components/app/ui";
import { useTimeZone } from "@/components/app/time-zone";
import { meetingListResponseSchema, type Meeting, type MeetingListResponse } from "@/lib/domain/meeting";
import { getJson } from "@/lib/client/api";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { useNow } from "@/lib/client/use-now";
import { meetingsStore } from "@/lib/live/stores";
import { MediaBadges } from "./media-badges";

const PAGE_SIZE = 50;
const REFRESH_MS = 10_000;

export function MeetingsPage() {
  const t = useTranslations("meetings");
  const tc = useTranslations("common");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const [page, setPage] = useState(0);
  const [timeZone] = useTimeZone();
  const now = useNow(15_000);

  // Live first: the relay's `meetings` topic pushes changes; HTTP polling stands in while it cannot.
  const live = useLiveTopic({ topic: "meetings" }, meetingsStore);
  const liveReady = live.connected && live.seq >= 0 && live.upstream === "live";
  const liveData = useMemo(
    () => (liveReady ? pageOf([...live.rows.values()], q, page, live.sourceTime) : undefined),
    [liveReady, live.rows, live.sourceTime, q, page],
  );
  const query = useQuery({
    queryKey: ["meetings", q, page],
    queryFn: ({ signal }) =>
      getJson(`/api/meetings?${new URLSearchParams({ q, offset: String(page * PAGE_SIZE), limit: String(PAGE_SIZE) })}`, meetingListResponseSchema, signal),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
    enabled: !liveReady,
  });
  const data = liveData ?? query.data;
  const total = data?.total ?? 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">{data ? t("count", { count: total }) : query.isError ? t("loadFailed") : tc("loading")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <DataAge fetchedAt={data?.fetchedAt} staleAfterMs={REFRESH_MS * 3} error={!liveData && query.isError && data ? errorMessage(query.error) : null} />
          <SearchInput
            value={search}
            onChange={(v) => {
              setSearch(v);
              setPage(0);
            }}
            label={t("search")}
            className="w-full sm:w-72"
          />
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
      {data && data.items.length === 0 && (
        <EmptyState>{q ? t("noMatch", { q }) : t("none")}</EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          <MeetingCards items={data.items} now={now} />
          <div className={`hidden sm:block ${tableFrame}`}>
            <table className="w-full text-left text-sm">
              <thead className={tableHead}>
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">{t("subject")}</th>
                  <th scope="col" className="px-4 py-3 font-medium">{t("meetingId")}</th>
                  <th scope="col" className="px-4 py-3 font-medium">{t("host")}</th>
                  <th scope="col" className="px-4 py-3 font-medium">{t("started")}</th>
                  <th scope="col" className="px-4 py-3 font-medium">{t("runningFor")}</th>
                  <th scope="col" className="px-4 py-3 text-right font-medium" title={t("presentInvitedHint")}>{t("presentInvited")}</th>
                  <th scope="col" className="px-4 py-3 font-medium">{t("media")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {data.items.map((m) => (
                  <tr key={m.conferenceID} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
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
                    <td className="px-4 py-2.5 text-right tabular-nums">
                      <PresentInvited m={m} />
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
      <Pager page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} />
    </div>
  );
}

/** The same search and order as Huawei's list (subject, host or ID; oldest start first), on the live copy. */
function pageOf(all: Meeting[], q: string, page: number, sourceTime: number): MeetingListResponse {
  const needle = q.toLowerCase();
  const matching = all
    .filter((m) => !needle || [m.subject, m.hostName ?? "", m.conferenceID].some((f) => f.toLowerCase().includes(needle)))
    .sort((a, b) => (a.startTime ?? "").localeCompare(b.startTime ?? ""));
  return { items: matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), total: matching.length, fetchedAt: new Date(sourceTime).toISOString() };
}

/** "14 / 13" says more than it means: people who joined uninvited are named as such. */
function PresentInvited({ m }: { m: Meeting }) {
  const t = useTranslations("meetings");
  const f = useFormat();
  const uninvited = m.participantCount !== null && m.invitedCount ? m.participantCount - m.invitedCount : 0;
  return (
    <>
      {m.participantCount === null ? "—" : f.number(m.participantCount)}
      {m.invitedCount ? <span className="text-slate-600 dark:text-slate-400"> / {f.number(m.invitedCount)}</span> : null}
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
