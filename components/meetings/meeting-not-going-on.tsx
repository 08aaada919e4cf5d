"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTimeZone } from "@/components/app/time-zone";
import { historyListQuery } from "@/lib/client/queries/history";
import { useFormat } from "@/lib/client/use-format";

const LOOK_BACK_MS = 30 * 86_400_000;

/**
 * A meeting link opened after the meeting: says when it ended and leads to its attendance and to
 * every time its meeting ID was held; a meeting never held (or not visible) is said once.
 */
export function MeetingNotGoingOn({ conferenceID }: { conferenceID: string }) {
  const t = useTranslations("meeting");
  const f = useFormat();
  const [timeZone] = useTimeZone();
  // Fixed when the page opens, so the question is asked once, not on every render.
  const [{ from, to }] = useState(() => {
    const end = Math.ceil(Date.now() / 60_000) * 60_000;
    return { from: new Date(end - LOOK_BACK_MS).toISOString(), to: new Date(end).toISOString() };
  });
  const past = useQuery(historyListQuery({ from, to, q: conferenceID, sort: "start", dir: "desc" }, 0));
  const last = past.data?.items.find((m) => m.conferenceID === conferenceID && m.confUUID);
  const link = "text-sky-700 underline-offset-4 hover:underline dark:text-sky-400";
  return (
    <div role="status" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900" data-meeting-over>
      <p className="text-base font-medium">{last ? t("endedAt", { subject: last.subject, time: f.dateTime(last.endTime, timeZone) }) : past.isPending ? t("checkingPast") : t("notGoingOn")}</p>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {last && (
          <Link href={`/history/${last.confUUID}`} className={link}>
            {t("itsAttendance")}
          </Link>
        )}
        {last && (
          <Link href={`/series/${conferenceID}`} className={link}>
            {t("itsSeries")}
          </Link>
        )}
        <Link href="/" className={link}>
          {t("backToOngoing")}
        </Link>
      </div>
    </div>
  );
}
