import { channelIdSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** Sends a test message through the outbox and answers with its delivery (delivered, failed with the platform's answer, or still pending). */
export const POST = withViewer<{ params: Promise<{ id: string }> }>(async (_req, _viewer, ctx) => {
  const delivery = await services().alerts.testChannel(parseOr400(channelIdSchema, (await ctx.params).id));
  return Response.json(delivery);
}, ["admin"]);
