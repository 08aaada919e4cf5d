"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { CardList } from "@/components/app/card-list";
import { HealthMarks } from "@/components/meetings/health-marks";
import { Pager } from "@/components/app/pager";
import { DataTable, type Column, type Sorting } from "@/components/app/data-table";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox, pressable, SearchInput } from "@/components/app/ui";
import { useTimeZone } from "@/components/app/time-zone";
import type { Meeting } from "@/lib/domain/meeting";
import { ATTENDED_SORT_LIMIT, hasAlarm, type HistorySort } from "@/lib/domain/meeting-order";
import { HISTORY_PAGE_SIZE, historyAttendedQuery, historyListQuery, historyViewSchema } from "@/lib/client/queries/history";
import { useUrlState } from "@/lib/client/use-url-state";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { dateInZone, zonedToUtc } from "@/lib/zoned-time";

const DAY = 86_400_000;

/** The last `days` calendar days in a zone, today included. */
function lastDays(days: number, timeZone: string) {
  const now = Date.now();
  return { from: dateInZone(now - (days - 1) * DAY, timeZone), to: dateInZone(now, timeZone) };
}

const PRESETS = [1, 7, 30, 90] as const;

export function HistoryPage() {
  const t = useTranslations("history");
  const tc = useTranslations("common");
  const th = useTranslations("health");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [timeZone] = useTimeZone();
  const [view, setView] = useUrlState(historyViewSchema);
  // The default range is the viewer's zone's last 7 days, worked out again once the zone is known.
  const fallback = lastDays(7, timeZone);
  const range = { from: view.from || fallback.from, to: view.to || fallback.to };
  const [search, setSearch] = useState(view.q);
  useEffect(() => {
    const timer = setTimeout(() => search.trim() !== view.q && setView({ q: search.trim(), page: 0 }), 300);
    return () => clearTimeout(timer);
  }, [search, view.q, setView]);
  const q = view.q;
  const page = view.page;
  const setPage = (p: number) => setView({ page: p });
  const setRange = (next: { from: string; to: string }) => setView({ ...next, page: 0 });
  const sorting: Sorting<HistorySort> = {
    sort: view.sort,
    dir: view.dir,
    onSort: (sort, dir) => setView({ sort, dir, page: 0 }),
  };

  // Dates are whole days in the chosen zone: from its midnight to the next day's midnight.
  const from = new Date(zonedToUtc(range.from, "00:00", timeZone)).toISOString();
  const to = new Date(zonedToUtc(range.to, "00:00", timeZone) + DAY - 1).toISOString();
  const query = useQuery(historyListQuery({ from, to, q, sort: view.sort, dir: view.dir }, page));
  const data = query.data;
  const pageIds = useMemo(() => (data && !data.attended ? data.items.flatMap((m) => (m.confUUID ? [m.confUUID] : [])) : []), [data]);
  const counted = useQuery(historyAttendedQuery(pageIds));
  const attended = (confUUID: string | null): string => {
    if (!confUUID) return "—";
    const n = data?.attended?.[confUUID] ?? counted.data?.counts[confUUID];
    return n === undefined ? "…" : n === null ? "—" : f.number(n);
  };
  const total = data?.total ?? 0;
  const preset = (days: number) => setRange(lastDays(days, timeZone));
  const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
  // A quick range is shown as chosen while the dates are still exactly that range.
  const chosen = PRESETS.find((d) => {
    const preset = lastDays(d, timeZone);
    return preset.from === range.from && preset.to === range.to;
  });
  // Sorting by attendance fetches every meeting's: offered while the range is small enough.
  const attendedSortable = (data?.total ?? 0) <= ATTENDED_SORT_LIMIT || view.sort === "attended";
  const columns: Column<Meeting, HistorySort>[] = [
    {
      key: "subject",
      header: t("subject"),
      sort: { column: "subject" },
      className: "min-w-48",
      cell: (m) =>
        m.confUUID ? (
          <Link href={`/history/${m.confUUID}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            {m.subject}
          </Link>
        ) : (
          m.subject
        ),
    },
    { key: "id", header: t("meetingId"), cell: (m) => m.conferenceID, className: "font-mono text-xs" },
    { key: "host", header: t("host"), sort: { column: "host" }, cell: (m) => m.hostName ?? "—" },
    { key: "start", header: t("started"), sort: { column: "start", firstDir: "desc" }, cell: (m) => f.dateTime(m.startTime, timeZone), className: "whitespace-nowrap" },
    {
      key: "length",
      header: t("length"),
      sort: { column: "length", firstDir: "desc" },
      cell: (m) => (m.startTime && m.endTime ? f.duration(Date.parse(m.endTime) - Date.parse(m.startTime)) : "—"),
      className: "whitespace-nowrap",
    },
    { key: "invited", header: t("invited"), sort: { column: "invited", firstDir: "desc" }, align: "right", cell: (m) => (m.invitedCount === null ? "—" : f.number(m.invitedCount)) },
    {
      key: "attended",
      header: attendedSortable ? t("attended") : <span title={t("attendedSortLimit", { limit: ATTENDED_SORT_LIMIT })}>{t("attended")}</span>,
      ...(attendedSortable ? { sort: { column: "attended" as const, firstDir: "desc" as const } } : {}),
      align: "right",
      cell: (m) => <span data-attended>{attended(m.confUUID)}</span>,
    },
    // Where quality can be had: Huawei's alarms of the last three months, or what the archive kept.
    ...(data?.items.some((m) => m.health !== null) ? [{ key: "health", header: th("column"), cell: (m: Meeting) => <HealthMarks health={m.health} /> }] : []),
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={data ? t("count", { count: total, from: range.from, to: range.to, zone: timeZone }) : query.isError ? t("loadFailed") : tc("loading")}
      />
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{t("from")}</span>
          <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })} className={input} />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{t("to")}</span>
          <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })} className={input} />
        </label>
        <div className="flex gap-1" role="group" aria-label={t("quickRanges")}>
          {PRESETS.map((d) => (
            <button key={d} type="button" aria-pressed={chosen === d} onClick={() => preset(d)} className={pressable}>
              {d === 1 ? t("today") : t("days", { days: d })}
            </button>
          ))}
        </div>
        <SearchInput
          value={search}
          onChange={setSearch}
          label={t("search")}
          className="w-full sm:ml-auto sm:w-72"
        />
      </div>

      {query.isPending && <div className="h-64 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={t("loading")} />}
      {query.isError && <ErrorBox title={t("loadFailed")} message={errorMessage(query.error)} />}
      {data && data.items.length === 0 && (
        <EmptyState>{q ? t("noMatch", { q }) : t("none")}</EmptyState>
      )}
      {data && data.items.length > 0 && (
        <CardList
          label={t("title")}
          cards={data.items.map((m) => ({
            key: m.confUUID ?? m.conferenceID,
            href: m.confUUID ? `/history/${m.confUUID}` : null,
            title: m.subject,
            lines: [
              m.hostName ?? "—",
              `${f.dateTime(m.startTime, timeZone)} · ${m.startTime && m.endTime ? f.duration(Date.parse(m.endTime) - Date.parse(m.startTime)) : "—"}`,
              t("attendedOfInvited", { attended: attended(m.confUUID), invited: m.invitedCount ?? 0 }),
              ...(hasAlarm(m) ? [<HealthMarks key="health" health={m.health} />] : []),
            ],
          }))}
        />
      )}
      {data && data.items.length > 0 && (
        <DataTable label={t("title")} columns={columns} rows={data.items} rowKey={(m) => m.confUUID ?? m.conferenceID} sorting={sorting} frameClassName="hidden sm:block" />
      )}
      <Pager page={page} pageSize={HISTORY_PAGE_SIZE} total={total} onPage={setPage} />
    </div>
  );
}
