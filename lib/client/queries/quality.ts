import { queryOptions } from "@tanstack/react-query";
import { getJson, sendJson } from "@/lib/client/api";
import { qualityStatusSchema, qualityThresholdsSchema, type SetQualityThresholds } from "@/lib/domain/quality";
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

export const thresholdKeys = {
  all: ["quality", "thresholds"] as const,
};

/** The enterprise's alarm thresholds and Huawei's defaults (admins). */
export function qualityThresholdsQuery() {
  return queryOptions({
    queryKey: thresholdKeys.all,
    queryFn: ({ signal }) => getJson("/api/quality/thresholds", qualityThresholdsSchema, signal),
    retry: retryUnlessRefused,
  });
}

export function saveQualityThresholds(input: SetQualityThresholds): Promise<unknown> {
  return sendJson("POST", "/api/quality/thresholds", input);
}
