"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { DownloadLinks } from "@/components/app/download-links";
import { PageHeader } from "@/components/app/page-header";
import { useTimeZone } from "@/components/app/time-zone";
import { ErrorBox } from "@/components/app/ui";
import { replayEventsQuery, type ReplaySource } from "@/lib/client/queries/replay";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useUrlState } from "@/lib/client/use-url-state";
import type { ReplayEvent } from "@/lib/domain/replay";
import { chartSeries, seriesOf, stateAt, type TimedChange } from "@/lib/replay/replay-state";
import { ReplayChart } from "./replay-chart";
import { ReplayControls } from "./replay-controls";
import { ReplayLog } from "./replay-log";
import { ReplayPeople } from "./replay-people";

const urlSchema = z.object({ at: z.iso.datetime({ offset: true }).optional().catch(undefined) });

/**
 * A meeting played back like a recording of its grid: a slider over its length (gaps striped),
 * the people as they were at that moment, a chart of head count, hands and speakers beneath, the changes
 * around it, play at 10× and 60×, step from change to change, a time typed in; the moment is in
 * the URL, so it can be shared. The whole log is read once and scrubbed in the page.
 */
export function ReplayPage({ source }: { source: ReplaySource }) {
  const t = useTranslations("replay");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [timeZone] = useTimeZone();
  const query = useQuery(replayEventsQuery(source));
  const data = query.data;
  const [url, setUrl] = useUrlState(urlSchema);
  const changes = useMemo<TimedChange[]>(() => (data?.events ?? []).map(toTimed), [data]);
  const from = data ? Date.parse(data.from) : 0;
  const to = data ? Date.parse(data.to) : 0;
  const [at, setAtState] = useState<number | null>(null);
  // Without a moment asked for: a meeting going on opens at now; a past one where someone first came (its start is an empty room).
  const firstJoin = useMemo(() => changes.find((c) => c.field === "present" && c.value === true)?.at, [changes]);
  const opening = source.kind === "live" ? to : (firstJoin ?? from);
  const current = clamp(at ?? (url.at ? Date.parse(url.at) : opening), from, to);
  const gapChanges = useMemo<TimedChange[]>(() => (data?.gapEvents ?? []).map(toTimed), [data]);
  // Stepping goes from change to change; who speaks changes every few seconds, so it is left out.
  const steps = useMemo(() => changes.filter((c) => c.field !== "speaking"), [changes]);
  const gaps = useMemo(() => (data?.gaps ?? []).map((g) => ({ from: Date.parse(g.from), to: Date.parse(g.to) })), [data]);
  const series = useMemo(() => chartSeries(seriesOf(changes), gaps, gapChanges.length ? seriesOf(gapChanges) : []), [changes, gaps, gapChanges]);
  const inGap = gaps.some((g) => current >= g.from && current < g.to);
  // Inside a gap of a past meeting, Huawei's records say who was there (better than the last look before it).
  const fromRecords = inGap && gapChanges.length > 0;
  const moment = useMemo(() => stateAt(fromRecords ? gapChanges : changes, current), [fromRecords, gapChanges, changes, current]);
  const people = moment.participants;

  // The moment goes to the URL a little after the slider stops, so dragging does not flood the history.
  const urlTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const setAt = (ms: number) => {
    setAtState(ms);
    clearTimeout(urlTimer.current);
    urlTimer.current = setTimeout(() => setUrl({ at: new Date(ms).toISOString() }), 300);
  };
  useEffect(() => () => clearTimeout(urlTimer.current), []);

  const back = source.kind === "past" ? { href: `/history/${source.confUUID}`, label: t("backPast") } : { href: `/meetings/${source.conferenceID}`, label: t("back") };
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title", { subject: data?.subject ?? "…" })}
        back={back}
        subtitle={t("intro")}
        actions={source.kind === "past" ? <DownloadLinks csv={`/api/history/${source.confUUID}/events.csv?tz=${encodeURIComponent(timeZone)}`} xlsx={`/api/history/${source.confUUID}/events.xlsx?tz=${encodeURIComponent(timeZone)}`} /> : null}
      />
      {query.isError && <ErrorBox title={t("loadFailed")} message={errorMessage(query.error)} />}
      {data && (
        <>
          <p data-completeness={data.completeness} className={`rounded-lg border p-3 text-sm ${data.completeness === "live" ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40" : "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"}`}>
            {t("completeness", { c: data.completeness })}
          </p>
          <ReplayControls from={from} to={to} at={current} gaps={gaps} changes={steps} onAt={setAt} timeZone={timeZone} />
          <p className="text-sm font-medium tabular-nums" data-replay-at={new Date(current).toISOString()} aria-live="polite">
            {t("at", { time: f.dateTime(new Date(current).toISOString(), timeZone), present: people.length, hands: people.filter((p) => p.handRaised).length })}
            {moment.locked && <span data-locked className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold dark:bg-slate-700">{t("locked")}</span>}
          </p>
          {inGap && (
            <p role="note" data-in-gap className="rounded-lg border border-dashed border-amber-400 p-3 text-sm text-amber-900 dark:text-amber-200">
              {t("inGap", { records: String(fromRecords) })}
            </p>
          )}
          {data.events.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p> : null}
          <div className="grid gap-5 lg:grid-cols-[3fr_2fr]">
            <ReplayPeople people={people} at={current} />
            <ReplayLog events={data.events} at={current} onAt={setAt} timeZone={timeZone} />
          </div>
          <ReplayChart series={series} at={current} from={from} to={to} timeZone={timeZone} />
        </>
      )}
    </div>
  );
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const toTimed = (e: ReplayEvent): TimedChange => ({ at: Date.parse(e.at), pid: e.pid, name: e.name, field: e.field, value: e.value });

