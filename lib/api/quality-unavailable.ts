import { services } from "@/lib/services";
import { jsonError } from "./errors";

/**
 * 409 `quality_unavailable` where Huawei gives this enterprise no quality data (it refused: edition,
 * role, not switched on; or QUALITY=off): a standing state to fix at Huawei, not a passing failure.
 */
export function qualityUnavailable(): Response | null {
  const reason = services().health.status().reason;
  return reason === "forbidden" || reason === "switched_off" ? jsonError(409, "quality_unavailable", "Huawei does not give this enterprise quality data (see GET /api/quality/status).") : null;
}
