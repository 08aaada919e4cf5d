import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { getJson, sendJson } from "@/lib/client/api";

export const displaySchema = z.object({ id: z.string(), name: z.string(), settings: z.string(), createdAt: z.string(), createdBy: z.string(), lastSeenAt: z.string().nullable() });
export type Display = z.infer<typeof displaySchema>;
const listSchema = z.object({ items: z.array(displaySchema) });
const createdSchema = z.object({ display: displaySchema.omit({ lastSeenAt: true }), url: z.string() });

export const displayKeys = { all: ["admin", "displays"] as const };

/** The admin page's list of wall displays; last-seen times move, so it is asked again every half minute. */
export function displaysQuery() {
  return queryOptions({
    queryKey: displayKeys.all,
    queryFn: ({ signal }) => getJson("/api/admin/displays", listSchema, signal),
    refetchInterval: 30_000,
  });
}

/** Makes a display link; its URL is in the answer only (the server keeps a hash of the token). */
export async function createDisplay(name: string, settings: string) {
  return createdSchema.parse(await sendJson("POST", "/api/admin/displays", { name, settings }));
}

export async function revokeDisplay(id: string): Promise<void> {
  await sendJson("DELETE", `/api/admin/displays/${encodeURIComponent(id)}`);
}
