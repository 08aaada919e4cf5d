"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useState } from "react";
import { DataAge } from "@/components/app/data-age";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, SearchInput, tableFrame } from "@/components/app/ui";
import { meetingDetailResponseSchema, type Attendee } from "@/lib/domain/meeting";
import { ApiError, getJson } from "@/lib/client/api";
import { formatDateTime, formatDuration, numberFormat } from "@/lib/client/format";
import { useNow } from "@/lib/client/use-now";
import { LiveParticipants } from "@/components/participants/live-participants";
import { MediaBadges } from "./media-badges";

const REFRESH_MS = 15_000;

const TYPE_LABEL: Record<string, string> = {
  normal: "Soft client",
  terminal: "Room terminal",
  outside: "External",
  mobile: "Phone",
};

export function MeetingDetail({ conferenceID }: { conferenceID: string }) {
  const [timeZone] = useTimeZone();
  const now = useNow(15_000);
  const [filter, setFilter] = useState("");
  const [ended, setEnded] = useState(false);
  const markEnded = useCallback(() => setEnded(true), []);
  const query = useQuery({
    queryKey: ["meeting", conferenceID],
    queryFn: ({ signal }) => getJson(`/api/meetings/${encodeURIComponent(conferenceID)}`, meetingDetailResponseSchema, signal),
    // An ended meeting is no longer served by confDetail: keep what was last shown.
    refetchInterval: ended ? false : REFRESH_MS,
    retry: (count, error) => !(error instanceof ApiError && (error.status === 404 || error.status === 400)) && count < 1,
  });

  if (query.isPending) return <div className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" aria-label="Loading meeting" />;
  if (query.isError && !query.data) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <ErrorBox title={notFound ? "This meeting is not going on, or you may not see it." : "Could not load this meeting."} message={query.error.message}>
        <Link href="/" className="underline">
          Back to ongoing meetings
        </Link>
      </ErrorBox>
    );
  }
  const { meeting, attendees, fetchedAt, listedPresent, mayEnterHostPassword } = query.data!;
  const needle = filter.trim().toLowerCase();
  const shown = needle ? attendees.filter((a) => `${a.name} ${a.accountId ?? ""} ${a.department ?? ""}`.toLowerCase().includes(needle)) : attendees;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ← Ongoing meetings
        </Link>
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{meeting.subject}</h1>
          {ended ? (
            <Link href="/history" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
              This meeting has ended: see its attendance in History
            </Link>
          ) : (
            <DataAge fetchedAt={fetchedAt} staleAfterMs={REFRESH_MS * 3} error={query.isError ? query.error.message : null} />
          )}
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <Fact label="Meeting ID" value={<span className="font-mono">{meeting.conferenceID}</span>} />
        <Fact label="Host" value={meeting.hostName ?? "—"} />
        <Fact label="Started" value={formatDateTime(meeting.startTime, timeZone)} />
        <Fact label="Running for" value={ended ? "Ended" : meeting.startTime ? formatDuration(now - Date.parse(meeting.startTime)) : "—"} />
        <Fact label="Scheduled end" value={formatDateTime(meeting.endTime, timeZone)} />
        <Fact label="Invited" value={numberFormat.format(attendees.length)} />
        <Fact label="Media" value={<MediaBadges mediaTypes={meeting.mediaTypes} />} />
        {meeting.department && <Fact label="Department" value={meeting.department} />}
        <Fact label="Recording" value={meeting.recording ? "Yes" : "No"} />
      </dl>

      <LiveParticipants conferenceID={conferenceID} invitees={attendees} listedPresent={listedPresent} mayEnterHostPassword={mayEnterHostPassword} onEnded={markEnded} />

      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">Invitees ({numberFormat.format(attendees.length)})</h2>
          <SearchInput value={filter} onChange={setFilter} label="Filter invitees" />
        </div>
        {shown.length === 0 ? (
          <EmptyState>{attendees.length === 0 ? "Nobody was invited: people joined by ID or link." : "No invitee matches this filter."}</EmptyState>
        ) : (
          <InviteeTable attendees={shown} />
        )}
      </section>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 font-medium">{value}</dd>
    </div>
  );
}

function InviteeTable({ attendees }: { attendees: Attendee[] }) {
  return (
    <div className={`max-h-[36rem] ${tableFrame}`}>
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th className="px-4 py-2.5 font-medium">Name</th>
            <th className="px-4 py-2.5 font-medium">Joins with</th>
            <th className="px-4 py-2.5 font-medium">Account</th>
            <th className="px-4 py-2.5 font-medium">Department</th>
            <th className="px-4 py-2.5 font-medium">Number</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {attendees.map((a, i) => (
            <tr key={`${a.accountId ?? a.name}-${i}`}>
              <td className="px-4 py-2">
                {a.name}
                {a.role === "host" && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800 dark:bg-sky-900/50 dark:text-sky-300">host</span>}
              </td>
              <td className="px-4 py-2">{a.type ? (TYPE_LABEL[a.type] ?? a.type) : "—"}</td>
              <td className="px-4 py-2 font-mono text-xs">{a.accountId ?? "—"}</td>
              <td className="px-4 py-2">{a.department ?? "—"}</td>
              <td className="px-4 py-2 font-mono text-xs">{[a.phone, ...a.otherPhones].filter(Boolean).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
