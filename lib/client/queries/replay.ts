import { queryOptions } from "@tanstack/react-query";
import { replayEventsResponseSchema } from "@/lib/domain/replay";
import { getJson } from "@/lib/client/api";

/** Which meeting a replay is of: a past one (by confUUID) or one going on (by conference ID). */
export type ReplaySource = { kind: "past"; confUUID: string } | { kind: "live"; conferenceID: string };

export const replayKeys = {
  events: (s: ReplaySource) => ["replay", s.kind, s.kind === "past" ? s.confUUID : s.conferenceID] as const,
};

/** The meeting's whole log, read once (and again every half minute for one going on): the slider scrubs it in the page. */
export function replayEventsQuery(source: ReplaySource) {
  const url = source.kind === "past" ? `/api/history/${encodeURIComponent(source.confUUID)}/events` : `/api/meetings/${encodeURIComponent(source.conferenceID)}/events`;
  return queryOptions({
    queryKey: replayKeys.events(source),
    queryFn: ({ signal }) => getJson(url, replayEventsResponseSchema, signal),
    refetchInterval: source.kind === "live" ? 30_000 : false,
    staleTime: source.kind === "past" ? Infinity : 0,
  });
}
