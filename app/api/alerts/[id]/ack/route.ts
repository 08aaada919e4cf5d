import { alertIdSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** Someone is on it: no more reminders; the recovery is still told. */
export const POST = withViewer<{ params: Promise<{ id: string }> }>(async (_req, viewer, ctx) => {
  await services().alerts.acknowledge(parseOr400(alertIdSchema, (await ctx.params).id), viewer);
  return new Response(null, { status: 204 });
}, DESK_ROLES);
