import { listQuerySchema, parseOr400, queryObject } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import type { MeetingListResponse } from "@/lib/domain/meeting";
import { services } from "@/lib/services";

export const GET = withViewer(async (req, viewer) => {
  const { q, offset, limit } = parseOr400(listQuerySchema, queryObject(req.url));
  const { value, fetchedAt } = await services().meetings.ongoing(viewer, q);
  const body: MeetingListResponse = { items: value.slice(offset, offset + limit), total: value.length, fetchedAt };
  return Response.json(body);
});
