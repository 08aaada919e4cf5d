import { displayIdSchema } from "@/lib/api/display-admin";
import { jsonError } from "@/lib/api/errors";
import { parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import { displayRoom } from "@/lib/live/socket-rooms";
import { services } from "@/lib/services";

/** Revokes a display: its link and its session stop at once, and its open sockets are closed on every instance. */
export const DELETE = withViewer<{ params: Promise<{ id: string }> }>(async (_req, _viewer, ctx) => {
  const id = parseOr400(displayIdSchema, (await ctx.params).id);
  const { displays, disconnectRoom } = services();
  if (!(await displays.revoke(id))) return jsonError(404, "not_found", "No such display.");
  disconnectRoom(displayRoom(id));
  return new Response(null, { status: 204 });
}, ["admin"]);
