import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/client/api";
import { qualityStatusSchema } from "@/lib/domain/quality";
import { retryUnlessRefused } from "./retry";

export const qualityKeys = {
  status: ["quality", "status"] as const,
};

/** Whether meeting health can be had from Huawei: asked once a page, again every few minutes. */
export function qualityStatusQuery() {
  return queryOptions({
    queryKey: qualityKeys.status,
    queryFn: ({ signal }) => getJson("/api/quality/status", qualityStatusSchema, signal),
    staleTime: 60_000,
    refetchInterval: 300_000,
    retry: retryUnlessRefused,
  });
}
