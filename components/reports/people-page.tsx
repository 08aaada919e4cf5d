"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DataTable, type Column } from "@/components/app/data-table";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox, SearchInput } from "@/components/app/ui";
import { peopleQuery, peopleViewSchema } from "@/lib/client/queries/reports";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useUrlState } from "@/lib/client/use-url-state";
import type { PeopleReport } from "@/lib/reports/people-report";
import { ReportRangePicker, useReportRange } from "./report-range";

type Item = PeopleReport["people"][number]["items"][number];

/** One person's attendance across the archive: search by name, number or account; the search is in the URL. */
export function PeoplePage() {
  const t = useTranslations("reports");
  const tc = useTranslations("common");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [view, setView] = useUrlState(peopleViewSchema);
  const { days, range, timeZone } = useReportRange(view);
  const [search, setSearch] = useState(view.q);
  // Typing settles for a moment before the URL (and the query) follow it.
  useEffect(() => {
    const timer = setTimeout(() => search.trim() !== view.q && setView({ q: search.trim() }), 300);
    return () => clearTimeout(timer);
  }, [search, view.q, setView]);
  const query = useQuery(peopleQuery(view.q, range));
  const report = view.q ? query.data : undefined;
  const columns: Column<Item>[] = [
    {
      key: "meeting",
      header: t("people.meeting"),
      className: "min-w-48",
      cell: (i) => (
        <Link href={`/history/${i.confUUID}`} className="text-sky-700 hover:underline dark:text-sky-400">
          {i.subject}
        </Link>
      ),
    },
    { key: "when", header: t("people.when"), cell: (i) => f.dateTime(i.startedAt, timeZone), className: "whitespace-nowrap" },
    { key: "duration", header: t("people.duration"), align: "right", cell: (i) => f.duration(i.durationMs) },
    { key: "share", header: t("people.share"), align: "right", cell: (i) => `${Math.round(i.share * 100)}%` },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("people.title")} subtitle={t("people.lead")} />
      <div className="flex flex-wrap items-end gap-3">
        <ReportRangePicker days={days} onChange={(d) => setView(d)} />
        <SearchInput value={search} onChange={setSearch} label={t("people.search")} className="w-full sm:ml-auto sm:w-72" />
      </div>
      {!view.q && <EmptyState>{t("people.prompt")}</EmptyState>}
      {view.q && query.isPending && <div className="h-48 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={tc("loading")} />}
      {view.q && query.isError && <ErrorBox title={t("people.title")} message={errorMessage(query.error)} />}
      {report && report.people.length === 0 && <EmptyState>{t("people.none", { q: view.q })}</EmptyState>}
      {report?.truncated && <p className="text-sm text-amber-800 dark:text-amber-300">{t("people.truncated")}</p>}
      {report?.people.map((p) => (
        // A few matches open at once; a common name's many namesakes stay folded until chosen.
        <details key={`${p.number ?? ""}|${p.name}`} open={report.people.length <= 3} className="group rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900" data-person>
          <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
            <h2 className="text-base font-semibold">{p.name}</h2>
            <span className="text-sm text-slate-600 dark:text-slate-300">{[p.number, p.account, p.departments.join(", ")].filter(Boolean).join(" · ")}</span>
            <span className="text-sm font-medium tabular-nums sm:ml-auto">
              {t("people.meetings", { count: p.meetings })} · {t("people.total", { minutes: f.number(Math.round(p.totalMs / 60_000)) })}
            </span>
          </summary>
          <div className="px-2 pb-2">
            <DataTable label={p.name} columns={columns} rows={p.items} rowKey={(i) => i.confUUID} frameClassName="max-h-96" />
          </div>
        </details>
      ))}
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("fromArchive")}</p>
    </div>
  );
}
