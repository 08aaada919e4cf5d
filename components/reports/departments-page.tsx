"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/app/data-table";
import { DownloadLinks } from "@/components/app/download-links";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox, FilterButtons } from "@/components/app/ui";
import { departmentsExportUrl, departmentsQuery, departmentsViewSchema } from "@/lib/client/queries/reports";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useUrlState } from "@/lib/client/use-url-state";
import type { DepartmentReport } from "@/lib/reports/department-report";
import { ReportRangePicker, useReportRange } from "./report-range";

type Row = DepartmentReport["rows"][number];
type Total = DepartmentReport["totals"][number];

/** Meetings, attendances and person-minutes per department, by day, week or month of the viewer's zone. */
export function DepartmentsPage() {
  const t = useTranslations("reports");
  const tc = useTranslations("common");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [view, setView] = useUrlState(departmentsViewSchema);
  const { days, range, timeZone } = useReportRange(view);
  const query = useQuery(departmentsQuery(range, view.by, timeZone));
  const report = query.data;
  const department = (d: string | null) => d ?? t("noDepartment");
  const figures = <T extends Row | Total>(): Column<T>[] => [
    { key: "meetings", header: t("departments.meetings"), align: "right", cell: (r) => f.number(r.meetings) },
    { key: "attendances", header: t("departments.attendances"), align: "right", cell: (r) => f.number(r.attendances) },
    { key: "minutes", header: t("departments.personMinutes"), align: "right", cell: (r) => f.number(Math.round(r.personMinutes)) },
  ];
  const rowColumns: Column<Row>[] = [
    { key: "period", header: t("departments.period"), cell: (r) => r.period, className: "whitespace-nowrap tabular-nums" },
    { key: "department", header: t("departments.department"), cell: (r) => department(r.department) },
    ...figures<Row>(),
  ];
  const totalColumns: Column<Total>[] = [{ key: "department", header: t("departments.department"), cell: (r) => <span className="font-medium">{department(r.department)}</span> }, ...figures<Total>()];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("departments.title")}
        subtitle={t("departments.lead")}
        actions={<DownloadLinks csv={departmentsExportUrl("csv", range, view.by, timeZone)} xlsx={departmentsExportUrl("xlsx", range, view.by, timeZone)} />}
      />
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <ReportRangePicker days={days} onChange={(d) => setView(d)} />
        <FilterButtons label={t("departments.period")} options={(["day", "week", "month"] as const).map((b) => [b, t(`by.${b}`)] as const)} value={view.by} onChange={(by) => setView({ by })} />
      </div>
      {query.isPending && <div className="h-48 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" role="status" aria-label={tc("loading")} />}
      {query.isError && <ErrorBox title={t("departments.title")} message={errorMessage(query.error)} />}
      {report && report.rows.length === 0 && <EmptyState>{t("departments.none")}</EmptyState>}
      {report && report.rows.length > 0 && (
        <>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t("departments.totals")}</h2>
            <DataTable label={t("departments.totals")} columns={totalColumns} rows={report.totals} rowKey={(r) => r.department ?? ""} />
          </section>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t(`by.${report.by}`)}</h2>
            <DataTable label={t(`by.${report.by}`)} columns={rowColumns} rows={report.rows} rowKey={(r) => `${r.period}|${r.department ?? ""}`} frameClassName="max-h-[60vh]" />
          </section>
        </>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("fromArchive")}</p>
    </div>
  );
}
