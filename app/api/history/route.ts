import { historyQuerySchema, parseOr400, queryObject } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import type { HistoryListResponse } from "@/lib/domain/meeting";
import { compareMeetings } from "@/lib/domain/meeting-order";
import { services } from "@/lib/services";

export const GET = withViewer(async (req, viewer) => {
  const { from, to, q, offset, limit, sort, dir } = parseOr400(historyQuerySchema, queryObject(req.url));
  const items = [...(await services().history.list(viewer, { from, to, q }))].sort(compareMeetings(sort, dir));
  const body: HistoryListResponse = {
    items: items.slice(offset, offset + limit),
    total: items.length,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
  return Response.json(body);
}, DESK_ROLES);
