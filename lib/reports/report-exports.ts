import type { ExportSheet } from "@/lib/export/sheet";
import type { DepartmentReport } from "./department-report";
import type { SeriesReport } from "./series-report";

/** The words of report downloads, from the `reports` catalogue in the reader's language. */
export type ReportWords = (key: string, values?: Record<string, string | number>) => string;

const minutes = (ms: number) => Math.round(ms / 600) / 100;
const percent = (share: number) => Math.round(share * 1000) / 10;

/** One row per person, a column per occurrence (the share attended, %), then the occurrences themselves. */
export function seriesSheets(report: SeriesReport, tz: string, t: ReportWords, dayOf: (iso: string) => string): [ExportSheet, ExportSheet] {
  const about: [string, string][] = [
    [t("export.series"), `${report.subject} (${report.conferenceID})`],
    [t("export.occurrences"), String(report.occurrences.length)],
    [t("export.minShare"), `${percent(report.minShare)}%`],
    [t("export.timeZone"), tz],
  ];
  const people: ExportSheet = {
    name: t("export.peopleSheet"),
    about,
    header: [t("export.name"), t("export.number"), t("export.account"), t("export.attended"), t("export.of"), t("export.totalMinutes"), t("export.late"), t("export.leftEarly"), ...report.occurrences.map((o) => `${dayOf(o.startedAt)} (%)`)],
    rows: report.people.map((p) => [p.name, p.number, p.account, p.attended, p.of, minutes(p.totalMs), p.late, p.leftEarly, ...p.sharePerOccurrence.map(percent)]),
  };
  const occurrences: ExportSheet = {
    name: t("export.occurrencesSheet"),
    about,
    header: [t("export.started", { zone: tz }), t("export.ended", { zone: tz }), t("export.present"), "confUUID"],
    rows: report.occurrences.map((o) => [{ at: Date.parse(o.startedAt) }, { at: Date.parse(o.endedAt) }, o.present, o.confUUID]),
  };
  return [people, occurrences];
}

export function departmentSheet(report: DepartmentReport, t: ReportWords): ExportSheet {
  return {
    name: t("export.departmentsSheet"),
    about: [
      [t("export.period"), t(`by.${report.by}`)],
      [t("export.timeZone"), report.timeZone],
    ],
    header: [t("export.periodStart"), t("export.department"), t("export.meetings"), t("export.attendances"), t("export.personMinutes")],
    rows: report.rows.map((r) => [r.period, r.department ?? t("noDepartment"), r.meetings, r.attendances, r.personMinutes]),
  };
}
