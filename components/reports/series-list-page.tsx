"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CardList } from "@/components/app/card-list";
import { DataTable, type Column } from "@/components/app/data-table";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox } from "@/components/app/ui";
import { reportRangeViewSchema, seriesListQuery } from "@/lib/client/queries/reports";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useUrlState } from "@/lib/client/use-url-state";
import type { SeriesSummary } from "@/lib/reports/series-report";
import { ReportRangePicker, useReportRange } from "./report-range";

/** Every meeting ID held more than once in the range, latest first, each a link to its series page. */
export function SeriesListPage() {
  const t = useTranslations("reports");
  const tc = useTranslations("common");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [view, setView] = useUrlState(reportRangeViewSchema);
  const { days, range, timeZone } = useReportRange(view);
  const query = useQuery(seriesListQuery(range));
  const items = query.data?.items;
  const href = (s: SeriesSummary) => `/series/${s.conferenceID}?${new URLSearchParams(view.from ? { from: days.from, to: days.to } : {})}`;
  const columns: Column<SeriesSummary>[] = [
    {
      key: "subject",
      header: t("series.subject"),
      className: "min-w-48",
      cell: (s) => (
        <Link href={href(s)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          {s.subject}
        </Link>
      ),
    },
    { key: "id", header: t("series.meetingId"), cell: (s) => s.conferenceID, className: "font-mono text-xs" },
    { key: "count", header: t("series.held"), align: "right", cell: (s) => f.number(s.occurrences) },
    { key: "last", header: t("series.lastHeld"), cell: (s) => f.dateTime(s.lastStart, timeZone), className: "whitespace-nowrap" },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("series.title")} subtitle={t("series.lead")} />
      <ReportRangePicker days={days} onChange={(d) => setView(d)} />
      {query.isPending && <div className="h-48 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={tc("loading")} />}
      {query.isError && <ErrorBox title={t("series.title")} message={errorMessage(query.error)} />}
      {items && items.length === 0 && <EmptyState>{t("series.none")}</EmptyState>}
      {items && items.length > 0 && (
        <>
          <CardList
            label={t("series.title")}
            cards={items.map((s) => ({ key: s.conferenceID, href: href(s), title: s.subject, lines: [`${s.conferenceID} · ${t("series.occurrences", { count: s.occurrences })}`, `${t("series.lastHeld")}: ${f.dateTime(s.lastStart, timeZone)}`] }))}
          />
          <DataTable label={t("series.title")} columns={columns} rows={items} rowKey={(s) => s.conferenceID} frameClassName="hidden sm:block" />
        </>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("fromArchive")}</p>
    </div>
  );
}
