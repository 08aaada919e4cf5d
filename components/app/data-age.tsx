"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/client/use-format";
import { useNow } from "@/lib/client/use-now";

/**
 * How old the shown data is. Past `staleAfterMs` it turns amber and says "stale", so a screen
 * left alone is never silently wrong; an error since the last good answer is shown in red.
 * Not a live region: a ticking age would chatter in a screen reader.
 */
export function DataAge({ fetchedAt, staleAfterMs, error }: { fetchedAt: string | undefined; staleAfterMs: number; error?: string | null }) {
  const t = useTranslations("age");
  const f = useFormat();
  const now = useNow();
  if (!fetchedAt) return null;
  const age = now - Date.parse(fetchedAt);
  const stale = age > staleAfterMs;
  return (
    <span
      data-stale={stale}
      className={`inline-flex items-center gap-1.5 text-sm ${error ? "text-red-700 dark:text-red-400" : stale ? "text-amber-800 dark:text-amber-400" : "text-slate-600 dark:text-slate-300"}`}
    >
      <span aria-hidden className={`size-2 rounded-full ${error ? "bg-red-500" : stale ? "bg-amber-500" : "bg-emerald-500"}`} />
      {t(stale ? "stale" : "updated", { age: f.age(age) })}
      {error ? ` · ${error}` : ""}
    </span>
  );
}
