import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { getJson } from "@/lib/client/api";
import { attendanceResponseSchema } from "@/lib/domain/attendance";
import { historyListResponseSchema } from "@/lib/domain/meeting";
import { historySortSchema, sortDirSchema } from "@/lib/domain/meeting-order";
import { retryUnlessRefused } from "./retry";

export const HISTORY_PAGE_SIZE = 50;

/**
 * The past-meetings list as its URL says it (so Back and a reload keep it): order, range (whole
 * days in the viewer's zone; empty is the last 7 days there), search and page.
 */
export const historyViewSchema = z.object({
  sort: historySortSchema.default("start"),
  dir: sortDirSchema.default("desc"),
  from: z.iso.date().catch("").default(""),
  to: z.iso.date().catch("").default(""),
  q: z.string().max(128).catch("").default(""),
  page: z.coerce.number().int().min(0).max(100_000).catch(0).default(0),
});
export type HistoryViewParams = Pick<z.infer<typeof historyViewSchema>, "sort" | "dir" | "q"> & { from: string; to: string };

/** A past meeting's attendance table, as its URL says it. */
export const attendanceViewSchema = z.object({
  sort: z.enum(["name", "joined", "left", "attended", "sessions"]).default("joined"),
  dir: sortDirSchema.default("asc"),
  show: z.enum(["all", "late", "early"]).default("all"),
});

export const historyKeys = {
  all: ["history"] as const,
  list: (view: HistoryViewParams, page: number) => [...historyKeys.all, "list", view, page] as const,
  attendance: (confUUID: string) => [...historyKeys.all, "attendance", confUUID] as const,
};

export function historyListQuery(view: HistoryViewParams, page: number) {
  const params = new URLSearchParams({ ...view, offset: String(page * HISTORY_PAGE_SIZE), limit: String(HISTORY_PAGE_SIZE) });
  return queryOptions({
    queryKey: historyKeys.list(view, page),
    queryFn: ({ signal }) => getJson(`/api/history?${params}`, historyListResponseSchema, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function attendanceQuery(confUUID: string) {
  return queryOptions({
    queryKey: historyKeys.attendance(confUUID),
    queryFn: ({ signal }) => getJson(`/api/history/${encodeURIComponent(confUUID)}/attendance`, attendanceResponseSchema, signal),
    staleTime: Infinity, // a past meeting does not change
    retry: retryUnlessRefused,
  });
}

export function attendanceExportUrl(confUUID: string, format: "csv" | "xlsx", timeZone: string): string {
  return `/api/history/${encodeURIComponent(confUUID)}/attendance.${format}?${new URLSearchParams({ tz: timeZone })}`;
}

const attendedSchema = z.object({ counts: z.record(z.string(), z.number().int().nullable()) });

/** How many attended each meeting of a page of the list, asked once the page shows. */
export function historyAttendedQuery(confUUIDs: string[]) {
  return queryOptions({
    queryKey: [...historyKeys.all, "attended", confUUIDs] as const,
    queryFn: ({ signal }) => getJson(`/api/history/attended?${new URLSearchParams({ ids: confUUIDs.join(",") })}`, attendedSchema, signal),
    enabled: confUUIDs.length > 0,
    staleTime: Infinity, // a past meeting does not change
    retry: retryUnlessRefused,
  });
}
