import { ruleIdSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

export const DELETE = withViewer<{ params: Promise<{ id: string }> }>(async (_req, viewer, ctx) => {
  await services().alerts.removeRule(parseOr400(ruleIdSchema, (await ctx.params).id), viewer);
  return new Response(null, { status: 204 });
}, DESK_ROLES);
