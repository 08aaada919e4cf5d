import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api";
import { participantSeriesResponseSchema } from "@/lib/domain/quality";
import { retryUnlessRefused } from "./retry";

/** A person's quality series, asked when their details open and again each minute while they stay open. */
export function participantSeriesQuery(conferenceID: string, pid: string) {
  return queryOptions({
    queryKey: ["quality", "series", conferenceID, pid] as const,
    queryFn: ({ signal }) => getJson(`/api/quality/participants/${conferenceID}/${encodeURIComponent(pid)}`, participantSeriesResponseSchema, signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
    retry: retryUnlessRefused,
  });
}
