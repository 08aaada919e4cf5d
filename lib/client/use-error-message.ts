"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "./api";

const KNOWN = new Set([
  "bad_request",
  "bad_credentials",
  "unauthenticated",
  "forbidden",
  "not_found",
  "too_many_attempts",
  "wrong_host_password",
  "upstream_timeout",
  "upstream_unreachable",
  "upstream_bad_response",
  "upstream_rate_limited",
  "upstream_auth_failed",
  "upstream_error",
  "not_configured",
  "store_unavailable",
  "internal",
  "offline",
  "range_too_large",
  "rate_limited",
  "too_many_subscriptions",
  "busy",
  "cross_origin",
  "body_too_large",
  "disconnected",
  "quality_unavailable",
] as const);
type KnownCode = typeof KNOWN extends Set<infer C> ? C : never;

/**
 * The user's words for a failed call: the API's stable code (an ApiError's, or a socket ack's
 * code given as a string) mapped to a message in their language.
 */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      if (typeof error === "string") return KNOWN.has(error as KnownCode) ? t(error as KnownCode) : t("subscription_failed");
      if (error instanceof ApiError) {
        if (KNOWN.has(error.code as KnownCode)) return t(error.code as KnownCode);
        return t("other", { status: error.status });
      }
      return t("internal");
    },
    [t],
  );
}
