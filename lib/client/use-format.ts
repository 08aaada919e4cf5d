"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { makeFormat, type Format } from "@/lib/i18n/format";

/** Dates, durations, ages and numbers in the page's language. */
export function useFormat(): Format {
  const locale = useLocale();
  const t = useTranslations("format");
  return useMemo(() => makeFormat(locale, t), [locale, t]);
}
