import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { ApiError, getJson } from "@/lib/client/api";
import { liveSocket } from "@/lib/client/live-socket";
import { meetingDetailResponseSchema, meetingListResponseSchema } from "@/lib/domain/meeting";
import { ongoingShowSchema, ongoingSortSchema, sortDirSchema } from "@/lib/domain/meeting-order";
import { participantSortSchema } from "@/lib/domain/participant-order";
import { retryUnlessRefused } from "./retry";

export const ONGOING_PAGE_SIZE = 50;
/** The ongoing list is polled this often while its live topic is not at hand. */
export const ONGOING_REFRESH_MS = 10_000;
export const DETAIL_REFRESH_MS = 15_000;

/** The ongoing list's view, as its URL says it. */
export const ongoingViewSchema = z.object({
  q: z.string().max(128).default(""),
  sort: ongoingSortSchema.default("start"),
  dir: sortDirSchema.default("asc"),
  // "attention" is the page's own: it knows which meetings need attention from the wall's live figures.
  show: z.union([ongoingShowSchema, z.literal("attention")]).default("all"),
});
export type OngoingViewParams = z.infer<typeof ongoingViewSchema>;

/** The API's parameters for a view; "needs attention" travels as the IDs of those meetings. */
function viewParams(view: OngoingViewParams, attentionIds: readonly string[]): URLSearchParams {
  const params = new URLSearchParams({ q: view.q.trim(), sort: view.sort, dir: view.dir, show: view.show === "attention" ? "all" : view.show });
  if (view.show === "attention") params.set("ids", attentionIds.join(","));
  return params;
}

export const meetingKeys = {
  all: ["meetings"] as const,
  list: (view: OngoingViewParams, attentionIds: readonly string[], page: number) => [...meetingKeys.all, "list", view, attentionIds, page] as const,
  detail: (conferenceID: string) => [...meetingKeys.all, "detail", conferenceID] as const,
};

export function ongoingListQuery(view: OngoingViewParams, attentionIds: readonly string[], page: number, enabled: boolean) {
  const params = viewParams(view, attentionIds);
  params.set("offset", String(page * ONGOING_PAGE_SIZE));
  params.set("limit", String(ONGOING_PAGE_SIZE));
  return queryOptions({
    queryKey: meetingKeys.list(view, view.show === "attention" ? attentionIds : [], page),
    queryFn: ({ signal }) => getJson(`/api/meetings?${params}`, meetingListResponseSchema, signal),
    refetchInterval: ONGOING_REFRESH_MS,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The download of what the list shows (its search, filter and order), with times in `timeZone`. */
export function ongoingExportUrl(view: OngoingViewParams, attentionIds: readonly string[], format: "csv" | "xlsx", timeZone: string): string {
  const params = viewParams(view, attentionIds);
  params.set("tz", timeZone);
  return `/api/meetings.${format}?${params}`;
}

export function meetingDetailQuery(conferenceID: string, ended: boolean) {
  return queryOptions({
    queryKey: meetingKeys.detail(conferenceID),
    queryFn: ({ signal }) => getJson(`/api/meetings/${encodeURIComponent(conferenceID)}`, meetingDetailResponseSchema, signal),
    // An ended meeting is no longer served by confDetail: keep what was last shown.
    refetchInterval: ended ? false : DETAIL_REFRESH_MS,
    retry: retryUnlessRefused,
  });
}

/** The live grid's order and the person whose details are open, as the meeting page's URL says them. */
export const liveGridViewSchema = z.object({
  psort: participantSortSchema.default("attention"),
  pdir: sortDirSchema.default("asc"),
  person: z.string().max(128).default(""),
});

/** How often an open details panel asks again for its person's changes. */
const CHANGES_REFRESH_MS = 3_000;

/** A participant's changes seen since the dashboard began watching, asked of the relay over the page's socket. */
export function participantChangesQuery(conferenceID: string, pid: string) {
  return queryOptions({
    queryKey: [...meetingKeys.detail(conferenceID), "changes", pid] as const,
    queryFn: async () => {
      const answer = await liveSocket().timeout(5_000).emitWithAck("changes", { conferenceID, pid });
      if (!answer.ok) throw new ApiError(0, answer.error.code, answer.error.message);
      return answer.changes;
    },
    refetchInterval: CHANGES_REFRESH_MS,
    retry: retryUnlessRefused,
  });
}

/** The live participant list's download, times in `timeZone`. */
export function participantsExportUrl(conferenceID: string, format: "csv" | "xlsx", timeZone: string): string {
  return `/api/meetings/${conferenceID}/participants.${format}?${new URLSearchParams({ tz: timeZone })}`;
}
