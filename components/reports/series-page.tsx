"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type Column, type Sorting } from "@/components/app/data-table";
import { DownloadLinks } from "@/components/app/download-links";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox, FilterButtons } from "@/components/app/ui";
import { ApiError } from "@/lib/client/api";
import { seriesExportUrl, seriesQuery, seriesViewSchema } from "@/lib/client/queries/reports";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useUrlState } from "@/lib/client/use-url-state";
import { nameCollator } from "@/lib/domain/collation";
import type { SeriesReport } from "@/lib/reports/series-report";
import { dateInZone } from "@/lib/zoned-time";
import { ReportRangePicker, useReportRange } from "./report-range";

type Person = SeriesReport["people"][number];
type SortKey = "name" | "attended" | "total" | "late" | "leftEarly";

const SHARES = ["0", "50", "75", "90"] as const;

/** A share as a cell: empty (absent), then lighter to darker blue with the figure inside, for colour-blind readers too. */
function ShareCell({ share, title }: { share: number; title: string }) {
  const pct = Math.round(share * 100);
  const tone = share === 0 ? "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400" : share < 0.5 ? "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" : share < 0.9 ? "bg-sky-300 text-sky-950 dark:bg-sky-700 dark:text-white" : "bg-sky-700 text-white dark:bg-sky-400 dark:text-slate-950";
  return (
    <span title={title} className={`inline-flex h-6 w-9 items-center justify-center rounded text-[10px] tabular-nums ${tone}`}>
      {share === 0 ? "–" : pct}
    </span>
  );
}

/** One meeting ID over a range: its occurrences, and each person across them. */
export function SeriesPage({ conferenceID }: { conferenceID: string }) {
  const t = useTranslations("reports");
  const tc = useTranslations("common");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [view, setView] = useUrlState(seriesViewSchema);
  const { days, range, timeZone } = useReportRange(view);
  const query = useQuery(seriesQuery(conferenceID, range, view.minShare));
  const report = query.data;
  const people = useMemo(() => {
    const sign = view.dir === "asc" ? 1 : -1;
    const by: Record<SortKey, (a: Person, b: Person) => number> = {
      name: (a, b) => nameCollator.compare(a.name, b.name),
      attended: (a, b) => a.attended - b.attended,
      total: (a, b) => a.totalMs - b.totalMs,
      late: (a, b) => a.late - b.late,
      leftEarly: (a, b) => a.leftEarly - b.leftEarly,
    };
    return [...(report?.people ?? [])].sort((a, b) => sign * by[view.sort](a, b) || nameCollator.compare(a.name, b.name));
  }, [report, view.sort, view.dir]);

  if (query.isPending) return <div className="h-72 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={tc("loading")} />;
  const back = { href: "/series", label: `← ${t("series.title")}` };
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="space-y-4">
        <PageHeader title={conferenceID} back={back} />
        <ReportRangePicker days={days} onChange={(d) => setView(d)} />
        {notFound ? <EmptyState>{t("series.notFound")}</EmptyState> : <ErrorBox title={t("series.title")} message={errorMessage(query.error)} />}
      </div>
    );
  }
  if (!report) return null;
  const { occurrences } = report;
  const day = (iso: string) => dateInZone(Date.parse(iso), timeZone);
  const sorting: Sorting<SortKey> = { sort: view.sort, dir: view.dir, onSort: (sort, dir) => setView({ sort, dir }) };
  const columns: Column<Person, SortKey>[] = [
    { key: "name", header: t("series.person"), sort: { column: "name" }, className: "min-w-40", cell: (p) => <span className="font-medium">{p.name}</span> },
    { key: "attended", header: t("series.attended"), sort: { column: "attended", firstDir: "desc" }, align: "right", className: "whitespace-nowrap", cell: (p) => t("series.attendedOf", { attended: f.number(p.attended), of: f.number(p.of) }) },
    { key: "total", header: t("series.total"), sort: { column: "total", firstDir: "desc" }, align: "right", cell: (p) => f.duration(p.totalMs), className: "whitespace-nowrap" },
    { key: "late", header: t("series.late"), sort: { column: "late", firstDir: "desc" }, align: "right", cell: (p) => f.number(p.late) },
    { key: "leftEarly", header: t("series.leftEarly"), sort: { column: "leftEarly", firstDir: "desc" }, align: "right", cell: (p) => f.number(p.leftEarly) },
    {
      key: "shares",
      header: t("series.occurrencesHeader"),
      cell: (p) => (
        <div className="flex gap-1">
          {p.sharePerOccurrence.map((s, i) => (
            <ShareCell key={occurrences[i]!.confUUID} share={s} title={s === 0 ? t("series.absentTitle", { day: day(occurrences[i]!.startedAt) }) : t("series.shareTitle", { day: day(occurrences[i]!.startedAt), percent: Math.round(s * 100) })} />
          ))}
        </div>
      ),
    },
  ];
  return (
    <div className="space-y-5">
      <PageHeader
        title={report.subject}
        back={back}
        subtitle={`${conferenceID} · ${t("series.summary", { people: f.number(report.people.length), occurrences: f.number(occurrences.length) })}`}
        actions={<DownloadLinks csv={seriesExportUrl(conferenceID, "csv", range, view.minShare, timeZone)} xlsx={seriesExportUrl(conferenceID, "xlsx", range, view.minShare, timeZone)} />}
      />
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <ReportRangePicker days={days} onChange={(d) => setView(d)} />
        <div className="text-sm">
          <span className="block text-slate-600 dark:text-slate-300">{t("series.minShare")}</span>
          <FilterButtons label={t("series.minShare")} options={SHARES.map((s) => [s, s === "0" ? t("series.minShareAny") : t("series.minShareAtLeast", { percent: s })] as const)} value={view.minShare} onChange={(minShare) => setView({ minShare })} />
        </div>
      </div>
      <ol className="flex flex-wrap gap-2" aria-label={t("series.occurrencesHeader")}>
        {occurrences.map((o) => (
          <li key={o.confUUID}>
            <Link href={`/history/${o.confUUID}`} className="block rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs hover:border-sky-600 dark:border-slate-700 dark:bg-slate-900">
              <span className="block font-medium">{day(o.startedAt)}</span>
              <span className="text-slate-600 dark:text-slate-400">{t("series.present", { count: f.number(o.present) })}</span>
            </Link>
          </li>
        ))}
      </ol>
      {people.length === 0 ? <EmptyState>{tc("nobodyMatches")}</EmptyState> : <DataTable label={t("series.title")} columns={columns} rows={people} rowKey={(p, i) => `${p.number ?? p.name}|${i}`} sorting={sorting} frameClassName="max-h-[70vh]" />}
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("fromArchive")}</p>
    </div>
  );
}
