"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDeferredValue, useMemo, useState } from "react";
import { CardList } from "@/components/app/card-list";
import { Pager } from "@/components/app/pager";
import { SortHeader } from "@/components/app/sort-header";
import { EmptyState, ErrorBox, pressable, SearchInput, tableFrame, tableHead } from "@/components/app/ui";
import { useTimeZone } from "@/components/app/time-zone";
import { ATTENDED_SORT_LIMIT, type HistorySort, type SortDir } from "@/lib/domain/meeting-order";
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
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [timeZone] = useTimeZone();
  const [range, setRange] = useState(() => lastDays(7, timeZone));
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const [page, setPage] = useState(0);
  const [order, setOrder] = useUrlState(historyViewSchema);
  const sortProps = {
    sort: order.sort,
    dir: order.dir,
    onSort: (sort: HistorySort, dir: SortDir) => {
      setOrder({ sort, dir });
      setPage(0);
    },
  };

  // Dates are whole days in the chosen zone: from its midnight to the next day's midnight.
  const from = new Date(zonedToUtc(range.from, "00:00", timeZone)).toISOString();
  const to = new Date(zonedToUtc(range.to, "00:00", timeZone) + DAY - 1).toISOString();
  const query = useQuery(historyListQuery({ from, to, q, ...order }, page));
  const data = query.data;
  const pageIds = useMemo(() => (data && !data.attended ? data.items.flatMap((m) => (m.confUUID ? [m.confUUID] : [])) : []), [data]);
  const counted = useQuery(historyAttendedQuery(pageIds));
  const attended = (confUUID: string | null): string => {
    if (!confUUID) return "—";
    const n = data?.attended?.[confUUID] ?? counted.data?.counts[confUUID];
    return n === undefined ? "…" : n === null ? "—" : f.number(n);
  };
  const total = data?.total ?? 0;
  const preset = (days: number) => {
    setRange(lastDays(days, timeZone));
    setPage(0);
  };
  const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
  // A quick range is shown as chosen while the dates are still exactly that range.
  const chosen = PRESETS.find((d) => {
    const preset = lastDays(d, timeZone);
    return preset.from === range.from && preset.to === range.to;
  });

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {data ? t("count", { count: total, from: range.from, to: range.to, zone: timeZone }) : query.isError ? t("loadFailed") : tc("loading")}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{t("from")}</span>
          <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && (setRange((r) => ({ ...r, from: e.target.value })), setPage(0))} className={input} />
        </label>
        <label className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{t("to")}</span>
          <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && (setRange((r) => ({ ...r, to: e.target.value })), setPage(0))} className={input} />
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
          onChange={(v) => {
            setSearch(v);
            setPage(0);
          }}
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
            ],
          }))}
        />
      )}
      {data && data.items.length > 0 && (
        <div className={`hidden sm:block ${tableFrame}`} tabIndex={0} role="region" aria-label={t("title")}>
          <table className="w-full text-left text-sm">
            <thead className={tableHead}>
              <tr>
                <SortHeader label={t("subject")} column="subject" {...sortProps} />
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("meetingId")}
                </th>
                <SortHeader label={t("host")} column="host" {...sortProps} />
                <SortHeader label={t("started")} column="start" firstDir="desc" {...sortProps} />
                <SortHeader label={t("length")} column="length" firstDir="desc" {...sortProps} />
                <SortHeader label={t("invited")} column="invited" firstDir="desc" align="right" {...sortProps} />
                {/* Sorting by attendance fetches every meeting's: offered while the range is small enough. */}
                {data.total <= ATTENDED_SORT_LIMIT || order.sort === "attended" ? (
                  <SortHeader label={t("attended")} column="attended" firstDir="desc" align="right" {...sortProps} />
                ) : (
                  <th scope="col" className="px-4 py-3 text-right font-medium" title={t("attendedSortLimit", { limit: ATTENDED_SORT_LIMIT })}>
                    {t("attended")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {data.items.map((m) => (
                <tr key={m.confUUID ?? m.conferenceID} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <td className="min-w-48 px-4 py-2.5">
                    {m.confUUID ? (
                      <Link href={`/history/${m.confUUID}`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                        {m.subject}
                      </Link>
                    ) : (
                      m.subject
                    )}
                  </td>
                  <td className="px-4 py-2.5 font-mono text-xs">{m.conferenceID}</td>
                  <td className="px-4 py-2.5">{m.hostName ?? "—"}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{f.dateTime(m.startTime, timeZone)}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap">{m.startTime && m.endTime ? f.duration(Date.parse(m.endTime) - Date.parse(m.startTime)) : "—"}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{m.invitedCount === null ? "—" : f.number(m.invitedCount)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums" data-attended>
                    {attended(m.confUUID)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={HISTORY_PAGE_SIZE} total={total} onPage={setPage} />
    </div>
  );
}
