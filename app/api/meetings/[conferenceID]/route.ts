import { conferenceIdSchema, parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

export const GET = withViewer<{ params: Promise<{ conferenceID: string }> }>(async (_req, viewer, ctx) => {
  const conferenceID = parseOr400(conferenceIdSchema, (await ctx.params).conferenceID);
  return Response.json(await services().meetings.detailView(viewer, conferenceID));
}, DESK_ROLES);
