import { confUuidSchema, parseOr400, queryObject, replayQuerySchema } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** A past meeting as it was at `at` (default its start), from the log or, where nobody watched, its records. */
export const GET = withViewer<{ params: Promise<{ confUUID: string }> }>(async (req, viewer, ctx) => {
  const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
  const { at } = parseOr400(replayQuerySchema, queryObject(req.url));
  return Response.json(await services().replay.past(viewer, confUUID, at));
}, DESK_ROLES);
