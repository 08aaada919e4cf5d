import { confUuidSchema, parseOr400, queryObject, replayEventsQuerySchema } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** A past meeting's log between `from` and `to` (default all of it). */
export const GET = withViewer<{ params: Promise<{ confUUID: string }> }>(async (req, viewer, ctx) => {
  const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
  const { from, to } = parseOr400(replayEventsQuerySchema, queryObject(req.url));
  return Response.json(await services().replay.events(viewer, confUUID, from, to));
}, DESK_ROLES);
