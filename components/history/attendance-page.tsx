"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { AbsentInvitees } from "@/components/app/absent-invitees";
import { DownloadLinks } from "@/components/app/download-links";
import { PageHeader } from "@/components/app/page-header";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, FilterButtons, SearchInput } from "@/components/app/ui";
import { comparePeople } from "@/lib/domain/person-order";
import { ApiError } from "@/lib/client/api";
import { attendanceExportUrl, attendanceQuery, attendanceViewSchema } from "@/lib/client/queries/history";
import { useUrlState } from "@/lib/client/use-url-state";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { huaweiZoneToIana } from "@/lib/zoned-time";
import { AttendanceChart } from "./attendance-chart";
import { PeopleTimeline } from "./people-timeline";

export function AttendancePage({ confUUID }: { confUUID: string }) {
  const t = useTranslations("attendance");
  const replay = useTranslations("replay");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [timeZone] = useTimeZone();
  const [view, setView] = useUrlState(attendanceViewSchema);
  const [search, setSearch] = useState("");
  const query = useQuery(attendanceQuery(confUUID));
  const people = query.data?.people;
  const needle = search.trim().toLowerCase();
  const shown = useMemo(
    () =>
      (people ?? [])
        .filter((p) => (view.show === "all" || (view.show === "late" ? p.lateJoiner : p.earlyLeaver)) && (!needle || p.name.toLowerCase().includes(needle)))
        .sort(comparePeople(view.sort, view.dir)),
    [people, view, needle],
  );

  if (query.isPending) return <div className="h-72 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={t("loading")} />;
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    return (
      <ErrorBox title={t("loadFailed")} message={status === 400 ? te("bad_meeting_id") : status === 404 ? t("notYet") : errorMessage(query.error)}>
        <Link href="/history" className="underline">
          {t("backToHistory")}
        </Link>
      </ErrorBox>
    );
  }
  const { meeting, summary, series, recordCount, invited, absent } = query.data;
  const uninvited = invited ? Math.max(0, summary.people - (invited - absent.length)) : 0;
  const start = Date.parse(summary.meetingStart);
  const end = Date.parse(summary.meetingEnd);
  const meetingZone = huaweiZoneToIana(meeting.timeZoneID);
  const everyone = query.data.people;
  const late = everyone.filter((p) => p.lateJoiner).length;
  const early = everyone.filter((p) => p.earlyLeaver).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title={meeting.subject}
        back={{ href: "/history", label: t("back") }}
        subtitle={
          <>
            {meeting.conferenceID} · {t("hostedBy", { host: meeting.hostName ?? t("unknownHost") })} · {f.dateTime(summary.meetingStart, timeZone)} – {f.time(summary.meetingEnd, timeZone)} ({timeZone})
            {meetingZone && meetingZone !== timeZone && ` · ${t("meetingZone", { zone: meetingZone, time: f.dateTime(summary.meetingStart, meetingZone) })}`}
          </>
        }
        actions={
          <>
            <Link href={`/history/${confUUID}/replay`} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white" data-replay-link>
              {replay("open")}
            </Link>
            <DownloadLinks csv={attendanceExportUrl(confUUID, "csv", timeZone)} xlsx={attendanceExportUrl(confUUID, "xlsx", timeZone)} />
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {query.data.source === "archive" && (
          <p className="rounded-md bg-amber-50 px-3 py-1.5 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-source="archive">
            {t("fromArchive", { date: f.dateTime(query.data.archivedAt ?? null, timeZone) })}
          </p>
        )}
        <Link href={`/series/${meeting.conferenceID}`} className="text-sky-700 hover:underline dark:text-sky-400">
          {t("otherOccurrences")}
        </Link>
      </div>

      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Card
          label={t("people")}
          value={invited ? t("ofInvited", { people: f.number(summary.people), invited: f.number(invited) }) : f.number(summary.people)}
          // "28 of 30" beside "did not come (3)" adds up only when it says someone came uninvited.
          hint={[t("joinRecords", { count: recordCount }), uninvited > 0 && t("uninvited", { count: uninvited })].filter(Boolean).join(" · ")}
        />
        <Card label={t("peak")} value={f.number(summary.peakConcurrent)} hint={summary.peakAt ? t("peakAt", { time: f.time(summary.peakAt, timeZone) }) : undefined} />
        <Card label={t("median")} value={summary.medianDurationMs === null ? "—" : f.duration(summary.medianDurationMs)} hint={t("ofLength", { duration: f.duration(end - start) })} />
        <Card label={t("lateEarly")} value={`${f.number(late)} / ${f.number(early)}`} hint={t("moreThan5")} />
      </div>

      <AttendanceChart series={series} timeZone={timeZone} />

      <section className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">{t("list", { count: f.number(shown.length) })}</h2>
          <FilterButtons
            label={tc("show")}
            options={[
              ["all", t("everyone")],
              ["late", t("lateJoiners", { count: f.number(late) })],
              ["early", t("earlyLeavers", { count: f.number(early) })],
            ]}
            value={view.show}
            onChange={(show) => setView({ show })}
          />
          <SearchInput value={search} onChange={setSearch} label={t("find")} className="w-full sm:ml-auto sm:w-64" />
        </div>
        {shown.length === 0 ? (
          <EmptyState>{everyone.length === 0 ? t("nobodyJoined") : tc("nobodyMatches")}</EmptyState>
        ) : (
          <PeopleTimeline people={shown} start={start} end={end} timeZone={timeZone} sort={view.sort} dir={view.dir} onSort={(sort, dir) => setView({ sort, dir })} />
        )}
      </section>

      {absent.length > 0 && <AbsentInvitees summary={t("absent", { count: f.number(absent.length) })} label={t("absentList")} invitees={absent} dataAttr="data-absent" />}
    </div>
  );
}

function Card({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {hint && <div className="text-xs text-slate-600 dark:text-slate-400">{hint}</div>}
    </div>
  );
}
