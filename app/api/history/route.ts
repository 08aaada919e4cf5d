import { HttpError } from "@/lib/api/errors";
import { historyQuerySchema, parseOr400, queryObject } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import type { HistoryListResponse, Meeting } from "@/lib/domain/meeting";
import { ATTENDED_SORT_LIMIT, compareMeetings } from "@/lib/domain/meeting-order";
import { services } from "@/lib/services";


export const GET = withViewer(async (req, viewer) => {
  const { from, to, q, offset, limit, sort, dir } = parseOr400(historyQuerySchema, queryObject(req.url));
  const history = services().history;
  const all = await history.list(viewer, { from, to, q });
  let items: Meeting[];
  let attended: Record<string, number | null> | undefined;
  if (sort === "attended") {
    if (all.length > ATTENDED_SORT_LIMIT) {
      throw new HttpError(400, "range_too_large", `sort: sorting by attendance covers at most ${ATTENDED_SORT_LIMIT} meetings; this range has ${all.length}, narrow it`);
    }
    attended = await history.attendedCounts(viewer, all.flatMap((m) => (m.confUUID ? [m.confUUID] : [])));
    const count = (m: Meeting) => (m.confUUID ? (attended![m.confUUID] ?? null) : null);
    const sign = dir === "asc" ? 1 : -1;
    items = [...all].sort((a, b) => {
      const x = count(a);
      const y = count(b);
      if (x === null || y === null) return x === y ? compareMeetings("start", "desc")(a, b) : x === null ? 1 : -1;
      return sign * (x - y) || compareMeetings("start", "desc")(a, b);
    });
  } else items = [...all].sort(compareMeetings(sort, dir));
  const page = items.slice(offset, offset + limit);
  const body: HistoryListResponse = {
    items: page,
    total: items.length,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ...(attended ? { attended: Object.fromEntries(page.flatMap((m) => (m.confUUID ? [[m.confUUID, attended![m.confUUID] ?? null]] : []))) } : {}),
  };
  return Response.json(body);
}, DESK_ROLES);
