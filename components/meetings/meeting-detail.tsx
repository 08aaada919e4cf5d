"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { DataAge } from "@/components/app/data-age";
import { useTimeZone } from "@/components/app/time-zone";
import { DataTable, type Column } from "@/components/app/data-table";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox, SearchInput } from "@/components/app/ui";
import type { Attendee, MeetingDetailResponse } from "@/lib/domain/meeting";
import { ApiError } from "@/lib/client/api";
import { DETAIL_REFRESH_MS, meetingDetailQuery } from "@/lib/client/queries/meetings";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useNow } from "@/lib/client/use-now";
import { LiveParticipants } from "@/components/participants/live-participants";
import { MediaBadges } from "./media-badges";
import { MeetingNotGoingOn } from "./meeting-not-going-on";


/**
 * One ongoing meeting: its participants first. The live grid subscribes at once, beside the
 * meeting's detail (not after it), so the first rows come as soon as the relay has them; the
 * meeting's facts are folded into one line and the invitees come last.
 */
export function MeetingDetail({ conferenceID, qualityDetail }: { conferenceID: string; qualityDetail: boolean }) {
  const t = useTranslations("meeting");
  const replay = useTranslations("replay");
  const te = useTranslations("errors");
  const errorMessage = useErrorMessage();
  const [ended, setEnded] = useState(false);
  const markEnded = useCallback(() => setEnded(true), []);
  const query = useQuery(meetingDetailQuery(conferenceID, ended));

  if (query.isError && !query.data) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404) return <MeetingNotGoingOn conferenceID={conferenceID} />;
    return (
      <ErrorBox title={t("loadFailed")} message={status === 400 ? te("bad_meeting_id") : errorMessage(query.error)}>
        <Link href="/" className="underline">
          {t("backToOngoing")}
        </Link>
      </ErrorBox>
    );
  }
  const data = query.data;

  return (
    <div className="space-y-4">
      <PageHeader
        title={data ? data.meeting.subject : <span className="inline-block h-7 w-64 max-w-full animate-pulse rounded bg-slate-200 align-middle dark:bg-slate-800" role="status" aria-label={t("loading")} />}
        back={{ href: "/", label: t("back") }}
        actions={
          !data ? null : ended ? (
            <Link href={data.meeting.confUUID ? `/history/${data.meeting.confUUID}` : "/history"} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
              {data.meeting.confUUID ? t("ended") : t("endedNoRecord")}
            </Link>
          ) : (
            <>
              <Link href={`/meetings/${encodeURIComponent(conferenceID)}/replay`} className="text-sm text-sky-700 hover:underline dark:text-sky-400" data-replay-link>
                {replay("open")}
              </Link>
              <DataAge fetchedAt={data.fetchedAt} staleAfterMs={DETAIL_REFRESH_MS * 3} error={query.isError ? errorMessage(query.error) : null} />
            </>
          )
        }
      />
      {data && <MeetingFacts data={data} ended={ended} />}

      <LiveParticipants
        conferenceID={conferenceID}
        invitees={data?.attendees ?? NO_INVITEES}
        listedPresent={data?.listedPresent ?? null}
        mayEnterHostPassword={data?.mayEnterHostPassword ?? false}
        onEnded={markEnded}
        qualityDetail={qualityDetail}
      />

      {data && <Invitees attendees={data.attendees} />}
    </div>
  );
}

const NO_INVITEES: Attendee[] = [];

/** The meeting's facts, folded to one line (ID, host, how long) until opened. */
function MeetingFacts({ data, ended }: { data: MeetingDetailResponse; ended: boolean }) {
  const t = useTranslations("meeting");
  const tc = useTranslations("common");
  const f = useFormat();
  const [timeZone] = useTimeZone();
  const now = useNow(15_000);
  const { meeting, attendees } = data;
  const running = ended ? t("endedValue") : meeting.startTime ? f.duration(now - Date.parse(meeting.startTime)) : "—";
  return (
    <details className="group rounded-lg border border-slate-200 bg-white text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900" data-meeting-facts>
      <summary className="cursor-pointer px-4 py-2 text-slate-700 dark:text-slate-300">
        <span className="font-medium">{t("facts")}</span>
        <span className="ml-2 group-open:hidden">
          · <span className="font-mono">{meeting.conferenceID}</span> · {meeting.hostName ?? "—"} · {t("runningFor")} {running}
        </span>
      </summary>
      <dl aria-label={t("facts")} className="grid grid-cols-2 gap-4 border-t border-slate-200 p-4 sm:grid-cols-4 dark:border-slate-800">
        <Fact label={t("meetingId")} value={<span className="font-mono">{meeting.conferenceID}</span>} />
        <Fact label={t("host")} value={meeting.hostName ?? "—"} />
        <Fact label={t("started")} value={f.dateTime(meeting.startTime, timeZone)} />
        <Fact label={t("runningFor")} value={running} />
        <Fact label={t("scheduledEnd")} value={f.dateTime(meeting.endTime, timeZone)} />
        <Fact label={t("invited")} value={f.number(attendees.length)} />
        <Fact label={t("media")} value={<MediaBadges mediaTypes={meeting.mediaTypes} />} />
        {meeting.department && <Fact label={t("department")} value={meeting.department} />}
        <Fact label={t("recording")} value={meeting.recording ? tc("yes") : tc("no")} />
      </dl>
    </details>
  );
}

function Invitees({ attendees }: { attendees: Attendee[] }) {
  const t = useTranslations("meeting");
  const f = useFormat();
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = needle ? attendees.filter((a) => `${a.name} ${a.accountId ?? ""} ${a.department ?? ""}`.toLowerCase().includes(needle)) : attendees;
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("invitees", { count: f.number(attendees.length) })}</h2>
        <SearchInput value={filter} onChange={setFilter} label={t("filterInvitees")} />
      </div>
      {shown.length === 0 ? <EmptyState>{attendees.length === 0 ? t("nobodyInvited") : t("noInviteeMatch")}</EmptyState> : <InviteeTable attendees={shown} />}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 font-medium break-words">{value}</dd>
    </div>
  );
}

/** Cells keep to one line: on a phone the table scrolls sideways within its frame instead. */
function InviteeTable({ attendees }: { attendees: Attendee[] }) {
  const t = useTranslations("meeting");
  const columns: Column<Attendee>[] = [
    {
      key: "name",
      header: t("name"),
      cell: (a) => (
        <>
          {a.name}
          {a.role === "host" && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800 dark:bg-sky-900/50 dark:text-sky-300">{t("hostBadge")}</span>}
        </>
      ),
    },
    { key: "type", header: t("joinsWith"), cell: (a) => (a.type ? t("type", { type: a.type }) : "—") },
    { key: "account", header: t("account"), cell: (a) => a.accountId ?? "—", className: "font-mono text-xs" },
    { key: "department", header: t("department"), cell: (a) => a.department ?? "—" },
    { key: "number", header: t("number"), cell: (a) => [a.phone, ...a.otherPhones].filter(Boolean).join(", ") || "—", className: "font-mono text-xs" },
  ];
  return <DataTable label={t("inviteeTable")} columns={columns} rows={attendees} rowKey={(a, i) => `${a.accountId ?? a.name}-${i}`} frameClassName="whitespace-nowrap" />;
}
