import { alertIdSchema, silenceSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** No message about this alert (reminder or recovery) for `minutes`. */
export const POST = withViewer<{ params: Promise<{ id: string }> }>(async (req, viewer, ctx) => {
  const id = parseOr400(alertIdSchema, (await ctx.params).id);
  const { minutes } = parseOr400(silenceSchema, await req.json().catch(() => undefined));
  await services().alerts.silence(id, minutes, viewer);
  return new Response(null, { status: 204 });
}, DESK_ROLES);
