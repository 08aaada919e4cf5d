import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { getJson } from "@/lib/client/api";
import { departmentPeriodSchema, departmentReportSchema } from "@/lib/reports/department-report";
import { peopleReportSchema } from "@/lib/reports/people-report";
import { seriesListResponseSchema, seriesReportSchema } from "@/lib/reports/series-report";
import { retryUnlessRefused } from "./retry";

/** A report's range as its URL keeps it: whole days (YYYY-MM-DD) in the viewer's zone; empty means the default. */
export const reportRangeViewSchema = z.object({
  from: z.iso.date().catch("").default(""),
  to: z.iso.date().catch("").default(""),
});

export const seriesViewSchema = reportRangeViewSchema.extend({
  minShare: z.enum(["0", "50", "75", "90"]).catch("0").default("0"),
  sort: z.enum(["name", "attended", "total", "late", "leftEarly"]).catch("attended").default("attended"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
});

export const peopleViewSchema = reportRangeViewSchema.extend({ q: z.string().max(128).catch("").default("") });

export const departmentsViewSchema = reportRangeViewSchema.extend({ by: departmentPeriodSchema.catch("week").default("week") });

/** The instants of a range's whole days, for the API. */
export interface ReportRange {
  from: string;
  to: string;
}

export function seriesListQuery(range: ReportRange) {
  return queryOptions({
    queryKey: ["reports", "series", range] as const,
    queryFn: ({ signal }) => getJson(`/api/series?${new URLSearchParams({ ...range })}`, seriesListResponseSchema, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function seriesQuery(conferenceID: string, range: ReportRange, minShare: string) {
  return queryOptions({
    queryKey: ["reports", "series", conferenceID, range, minShare] as const,
    queryFn: ({ signal }) => getJson(`/api/series/${encodeURIComponent(conferenceID)}?${new URLSearchParams({ ...range, minShare })}`, seriesReportSchema, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function seriesExportUrl(conferenceID: string, format: "csv" | "xlsx", range: ReportRange, minShare: string, tz: string): string {
  return `/api/series/${encodeURIComponent(conferenceID)}.${format}?${new URLSearchParams({ ...range, minShare, tz })}`;
}

export function peopleQuery(q: string, range: ReportRange) {
  return queryOptions({
    queryKey: ["reports", "people", q, range] as const,
    queryFn: ({ signal }) => getJson(`/api/people?${new URLSearchParams({ q, ...range })}`, peopleReportSchema, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function departmentsQuery(range: ReportRange, by: string, tz: string) {
  return queryOptions({
    queryKey: ["reports", "departments", range, by, tz] as const,
    queryFn: ({ signal }) => getJson(`/api/departments?${new URLSearchParams({ ...range, by, tz })}`, departmentReportSchema, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function departmentsExportUrl(format: "csv" | "xlsx", range: ReportRange, by: string, tz: string): string {
  return `/api/departments.${format}?${new URLSearchParams({ ...range, by, tz })}`;
}
