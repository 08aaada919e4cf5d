import { conferenceIdSchema, parseOr400, queryObject, replayQuerySchema } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** A meeting going on, as it was at `at` (default now): who was present and how, with the log's gaps. */
export const GET = withViewer<{ params: Promise<{ conferenceID: string }> }>(async (req, viewer, ctx) => {
  const conferenceID = parseOr400(conferenceIdSchema, (await ctx.params).conferenceID);
  const { at } = parseOr400(replayQuerySchema, queryObject(req.url));
  return Response.json(await services().replay.live(viewer, conferenceID, at));
}, DESK_ROLES);
