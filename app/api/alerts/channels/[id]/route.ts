import { channelIdSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** Removes a channel; messages still waiting for it are marked failed. */
export const DELETE = withViewer<{ params: Promise<{ id: string }> }>(async (_req, _viewer, ctx) => {
  await services().alerts.removeChannel(parseOr400(channelIdSchema, (await ctx.params).id));
  return new Response(null, { status: 204 });
}, ["admin"]);
