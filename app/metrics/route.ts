import { timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { jsonError } from "@/lib/api/errors";
import { currentViewer } from "@/lib/auth/session";
import { metrics } from "@/lib/metrics";

function bearerMatches(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Prometheus' scrape: with `Authorization: Bearer $METRICS_TOKEN`, or an admin's session. */
export async function GET(req: Request): Promise<Response> {
  if (!bearerMatches(req.headers.get("authorization"), process.env.METRICS_TOKEN)) {
    const viewer = await currentViewer(await cookies());
    if (!viewer) return jsonError(401, "unauthenticated", "Send the metrics token, or sign in as an admin.");
    if (viewer.role !== "admin") return jsonError(403, "forbidden", "Metrics are for admins.");
  }
  const m = metrics();
  return new Response(await m.scrape(), { headers: { "content-type": m.registry.contentType } });
}
