"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { z } from "zod";

/**
 * Page state kept in the URL (shareable, survives a reload), read through a zod object whose
 * every field has a default: a missing or bad value reads as its default and is left out of the URL.
 */
export function useUrlState<S extends z.ZodObject>(schema: S): [z.infer<S>, (patch: Partial<z.infer<S>>, how?: { history: "push" | "replace" }) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
      const parsed = field.safeParse(params.get(key) ?? undefined);
      out[key] = parsed.success ? parsed.data : field.parse(undefined);
    }
    return out as z.infer<S>;
  }, [params, schema]);
  const update = useCallback(
    // Replacing by default: a filter or a sort is not a step Back should undo; opening a panel is (push).
    (patch: Partial<z.infer<S>>, how: { history: "push" | "replace" } = { history: "replace" }) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(patch)) {
        const fallback = (schema.shape[key] as z.ZodType).parse(undefined);
        if (value === fallback || value === "" || value === undefined) next.delete(key);
        else next.set(key, String(value));
      }
      const query = next.toString();
      router[how.history](query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router, schema],
  );
  return [state, update];
}
