import { newDisplaySchema } from "@/lib/api/display-admin";
import { parseOr400 } from "@/lib/api/validation";
import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** The origin the admin reached the dashboard by (behind a proxy, as it forwards it). */
function originOf(req: Request): string {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** Every display with the settings its link opens and when it was last seen. */
export const GET = withViewer(async () => {
  const { displays, displaySeen } = services();
  const seen = await displaySeen.lastSeen();
  const items = (await displays.list()).map((d) => ({ ...d, lastSeenAt: seen[d.id] ? new Date(seen[d.id]!).toISOString() : null }));
  return Response.json({ items });
}, ["admin"]);

/** A new display; its link (with the token) is in this answer only. */
export const POST = withViewer(async (req, viewer) => {
  const input = parseOr400(newDisplaySchema, await req.json().catch(() => undefined));
  const { display, token } = await services().displays.create({ ...input, createdBy: viewer.username });
  return Response.json({ display, url: `${originOf(req)}/d/${token}` }, { status: 201 });
}, ["admin"]);
