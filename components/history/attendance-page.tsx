"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTimeZone } from "@/components/app/time-zone";
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
      <div role="alert" className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-300">
        <p className="font-medium">Could not load this meeting&apos;s attendance.</p>
        <p>{query.error.message}</p>
        <Link href="/history" className="underline">
          Back to past meetings
        </Link>
      </div>
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
          <div className="flex gap-1" role="group" aria-label="Show">
            {(
              [
                ["all", "Everyone"],
                ["late", `Late joiners (${late})`],
                ["early", `Early leavers (${early})`],
              ] as const
            ).map(([value, label]) => (
              <button
                key={value}
                type="button"
                aria-pressed={filter === value}
                onClick={() => setFilter(value)}
                className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-pressed:bg-sky-600 aria-pressed:text-white dark:border-slate-700"
              >
                {label}
              </button>
            ))}
          </div>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Find a person"
            aria-label="Find a person"
            className="ml-auto w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        {shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
            {people.length === 0 ? "Nobody joined this meeting." : "Nobody matches."}
          </p>
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
