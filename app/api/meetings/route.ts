import { ongoingQuerySchema, parseOr400, queryObject } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import type { MeetingListResponse } from "@/lib/domain/meeting";
import { ongoingTotals, ongoingView } from "@/lib/domain/meeting-order";
import { services } from "@/lib/services";

export const GET = withViewer(async (req, viewer) => {
  const { q, offset, limit, sort, dir, show, ids } = parseOr400(ongoingQuerySchema, queryObject(req.url));
  // The whole visible list is searched here (not by Huawei), so the order and totals cover all of it.
  const { value, fetchedAt } = await services().meetings.ongoing(viewer, "");
  const shown = ongoingView(value, { q, sort, dir, show, ids });
  const body: MeetingListResponse = { items: shown.slice(offset, offset + limit), total: shown.length, totals: ongoingTotals(value), fetchedAt };
  return Response.json(body);
});
