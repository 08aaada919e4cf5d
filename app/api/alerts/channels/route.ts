import { newChannelSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** Every channel, never with its secret or the key in its URL; hosts see what they may pick. */
export const GET = withViewer(async (_req, viewer) => Response.json({ items: await services().alerts.listChannels(viewer) }), DESK_ROLES);

/** A new channel (admins only: a channel's URL is where the dashboard will send). */
export const POST = withViewer(async (req, viewer) => {
  const input = parseOr400(newChannelSchema, await req.json().catch(() => undefined));
  return Response.json(await services().alerts.createChannel(input, viewer), { status: 201 });
}, ["admin"]);
