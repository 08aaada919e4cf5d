"use client";

import { formatAge } from "@/lib/client/format";
import { useNow } from "@/lib/client/use-now";

/**
 * How old the shown data is. Past `staleAfterMs` it turns amber and says "stale", so a screen
 * left alone is never silently wrong; an error since the last good answer is shown in red.
 */
export function DataAge({ fetchedAt, staleAfterMs, error }: { fetchedAt: string | undefined; staleAfterMs: number; error?: string | null }) {
  const now = useNow();
  if (!fetchedAt) return null;
  const age = now - Date.parse(fetchedAt);
  const stale = age > staleAfterMs;
  return (
    <span
      role="status"
      data-stale={stale}
      className={`inline-flex items-center gap-1.5 text-sm ${error ? "text-red-700 dark:text-red-400" : stale ? "text-amber-700 dark:text-amber-400" : "text-slate-500 dark:text-slate-400"}`}
    >
      <span aria-hidden className={`size-2 rounded-full ${error ? "bg-red-500" : stale ? "bg-amber-500" : "bg-emerald-500"}`} />
      {stale ? "Stale: " : "Updated "}
      {formatAge(age)}
      {error ? ` · ${error}` : ""}
    </span>
  );
}
