import { confUuidSchema, parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

export const GET = withViewer<{ params: Promise<{ confUUID: string }> }>(async (_req, viewer, ctx) => {
  const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
  return Response.json(await services().history.attendance(viewer, confUUID));
}, DESK_ROLES);
