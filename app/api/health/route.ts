import { cookies } from "next/headers";
import { currentViewer } from "@/lib/auth/session";
import { services } from "@/lib/services";

/**
 * For load balancers and monitoring, without a session: ok or degraded, and which build runs (a
 * wall reloads on a new one). Where Huawei is, what its last error said and which alert channels
 * keep failing is for admins only.
 */
export async function GET(): Promise<Response> {
  const s = services();
  const redis = s.redisStatus();
  const store = s.store.status();
  const degraded = s.huawei.degraded || redis === "down" || store.state === "down";
  const viewer = await currentViewer(await cookies()).catch(() => undefined);
  return Response.json({
    status: degraded ? "degraded" : "ok",
    simulated: s.simulated,
    startedAt: s.startedAt,
    version: s.version,
    ...(viewer?.role === "admin" ? { upstream: s.huawei.status(), redis, store, alerts: await s.alerts.deliveryHealth().catch(() => null) } : {}),
  });
}
