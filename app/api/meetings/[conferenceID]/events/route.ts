import { conferenceIdSchema, parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** A meeting going on: its log so far (what its replay page scrubs through). */
export const GET = withViewer<{ params: Promise<{ conferenceID: string }> }>(async (_req, viewer, ctx) => {
  const conferenceID = parseOr400(conferenceIdSchema, (await ctx.params).conferenceID);
  return Response.json(await services().replay.liveEvents(viewer, conferenceID));
}, DESK_ROLES);
