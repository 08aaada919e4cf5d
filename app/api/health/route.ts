import { services } from "@/lib/services";

/** Unauthenticated, for load balancers and monitoring: no meeting data, only upstream health. */
export async function GET(): Promise<Response> {
  const s = services();
  const degraded = s.huawei.degraded;
  return Response.json(
    {
      status: degraded ? "degraded" : "ok",
      simulated: s.simulated,
      startedAt: s.startedAt,
      version: s.version,
      upstream: s.huawei.status(),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
