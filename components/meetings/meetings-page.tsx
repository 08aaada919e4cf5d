"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { DataAge } from "@/components/app/data-age";
import { Pager } from "@/components/app/pager";
import { EmptyState, ErrorBox, SearchInput, tableFrame, tableHead } from "@/components/app/ui";
import { useTimeZone } from "@/components/app/time-zone";
import { meetingListResponseSchema, type Meeting, type MeetingListResponse } from "@/lib/domain/meeting";
import { getJson } from "@/lib/client/api";
import { formatDateTime, formatDuration, numberFormat } from "@/lib/client/format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { useNow } from "@/lib/client/use-now";
import { meetingsStore } from "@/lib/live/stores";
import { MediaBadges } from "./media-badges";

const PAGE_SIZE = 50;
const REFRESH_MS = 10_000;

export function MeetingsPage() {
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
          <h1 className="text-2xl font-semibold tracking-tight">Ongoing meetings</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {data ? `${numberFormat.format(total)} ${total === 1 ? "meeting" : "meetings"} in progress` : "Loading…"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <DataAge fetchedAt={data?.fetchedAt} staleAfterMs={REFRESH_MS * 3} error={!liveData && query.isError && data ? query.error.message : null} />
          <SearchInput
            value={search}
            onChange={(v) => {
              setSearch(v);
              setPage(0);
            }}
            label="Search subject, host or meeting ID"
            className="w-72"
          />
        </div>
      </div>

      {!data && !query.isError && <TableSkeleton />}
      {query.isError && !data && (
        <ErrorBox title="Could not load meetings." message={query.error.message}>
          <button type="button" onClick={() => query.refetch()} className="underline">
            Try again
          </button>
        </ErrorBox>
      )}
      {data && data.items.length === 0 && (
        <EmptyState>{q ? `No ongoing meeting matches “${q}”.` : "No meetings are going on right now."}</EmptyState>
      )}
      {data && data.items.length > 0 && (
        <div className={tableFrame}>
          <table className="w-full text-left text-sm">
            <thead className={tableHead}>
              <tr>
                <th className="px-4 py-3 font-medium">Subject</th>
                <th className="px-4 py-3 font-medium">Meeting ID</th>
                <th className="px-4 py-3 font-medium">Host</th>
                <th className="px-4 py-3 font-medium">Started</th>
                <th className="px-4 py-3 font-medium">Running for</th>
                <th className="px-4 py-3 text-right font-medium" title="People in the meeting now / people invited">Present / invited</th>
                <th className="px-4 py-3 font-medium">Media</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {data.items.map((m) => (
                <tr key={m.conferenceID} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <td className="px-4 py-2.5">
                    <Link href={`/meetings/${m.conferenceID}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                      {m.subject}
                    </Link>
                    {m.recording && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-700 dark:bg-red-900/40 dark:text-red-300">REC</span>}
                  </td>
                  <td className="px-4 py-2.5 font-mono text-xs">{m.conferenceID}</td>
                  <td className="px-4 py-2.5">{m.hostName ?? "—"}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{formatDateTime(m.startTime, timeZone)}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{m.startTime ? formatDuration(now - Date.parse(m.startTime)) : "—"}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">
                    {m.participantCount === null ? "—" : numberFormat.format(m.participantCount)}
                    {m.invitedCount ? <span className="text-slate-400"> / {numberFormat.format(m.invitedCount)}</span> : null}
                  </td>
                  <td className="px-4 py-2.5">
                    <MediaBadges mediaTypes={m.mediaTypes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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

function TableSkeleton() {
  return (
    <div aria-label="Loading meetings" className="space-y-2">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
