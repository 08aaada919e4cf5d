"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, FilterButtons, SearchInput } from "@/components/app/ui";
import { attendanceResponseSchema } from "@/lib/domain/attendance";
import { ApiError, getJson } from "@/lib/client/api";
import { formatDateTime, formatDuration, formatTime, numberFormat } from "@/lib/client/format";
import { huaweiZoneToIana } from "@/lib/zoned-time";
import { AttendanceChart } from "./attendance-chart";
import { PeopleTimeline } from "./people-timeline";

type Filter = "all" | "late" | "early";

export function AttendancePage({ confUUID }: { confUUID: string }) {
  const [timeZone] = useTimeZone();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const query = useQuery({
    queryKey: ["attendance", confUUID],
    queryFn: ({ signal }) => getJson(`/api/history/${confUUID}/attendance`, attendanceResponseSchema, signal),
    staleTime: Infinity, // a past meeting does not change
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });

  if (query.isPending) return <div className="h-72 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" aria-label="Loading attendance" />;
  if (query.isError) {
    return (
      <ErrorBox title="Could not load this meeting's attendance." message={query.error.message}>
        <Link href="/history" className="underline">
          Back to past meetings
        </Link>
      </ErrorBox>
    );
  }
  const { meeting, people, summary, series, recordCount } = query.data;
  const start = Date.parse(summary.meetingStart);
  const end = Date.parse(summary.meetingEnd);
  const meetingZone = huaweiZoneToIana(meeting.timeZoneID);
  const needle = search.trim().toLowerCase();
  const shown = people.filter(
    (p) => (filter === "all" || (filter === "late" ? p.lateJoiner : p.earlyLeaver)) && (!needle || p.name.toLowerCase().includes(needle)),
  );
  const late = people.filter((p) => p.lateJoiner).length;
  const early = people.filter((p) => p.earlyLeaver).length;
  const exportQuery = `?tz=${encodeURIComponent(timeZone)}`;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/history" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ← Past meetings
        </Link>
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{meeting.subject}</h1>
          <div className="flex gap-2">
            <a href={`/api/history/${confUUID}/attendance.csv${exportQuery}`} download className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              Download CSV
            </a>
            <a href={`/api/history/${confUUID}/attendance.xlsx${exportQuery}`} download className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              Download Excel
            </a>
          </div>
        </div>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {meeting.conferenceID} · hosted by {meeting.hostName ?? "unknown"} · {formatDateTime(summary.meetingStart, timeZone)} – {formatTime(summary.meetingEnd, timeZone)} ({timeZone})
          {meetingZone && meetingZone !== timeZone && ` · meeting's zone ${meetingZone}: ${formatDateTime(summary.meetingStart, meetingZone)}`}
        </p>
      </div>

      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Card label="People" value={numberFormat.format(summary.people)} hint={`${numberFormat.format(recordCount)} join records`} />
        <Card label="Peak at once" value={numberFormat.format(summary.peakConcurrent)} hint={summary.peakAt ? `at ${formatTime(summary.peakAt, timeZone)}` : undefined} />
        <Card label="Median time attended" value={summary.medianDurationMs === null ? "—" : formatDuration(summary.medianDurationMs)} hint={`of ${formatDuration(end - start)}`} />
        <Card label="Late / left early" value={`${numberFormat.format(late)} / ${numberFormat.format(early)}`} hint="more than 5 min" />
      </div>

      <AttendanceChart series={series} timeZone={timeZone} />

      <section className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">Attendance ({numberFormat.format(shown.length)})</h2>
          <FilterButtons
            options={[
              ["all", "Everyone"],
              ["late", `Late joiners (${late})`],
              ["early", `Early leavers (${early})`],
            ]}
            value={filter}
            onChange={setFilter}
          />
          <SearchInput value={search} onChange={setSearch} label="Find a person" className="ml-auto w-64" />
        </div>
        {shown.length === 0 ? (
          <EmptyState>{people.length === 0 ? "Nobody joined this meeting." : "Nobody matches."}</EmptyState>
        ) : (
          <PeopleTimeline people={shown} start={start} end={end} timeZone={timeZone} />
        )}
      </section>
    </div>
  );
}

function Card({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {hint && <div className="text-xs text-slate-500 dark:text-slate-400">{hint}</div>}
    </div>
  );
}
