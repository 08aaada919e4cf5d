import { cookies } from "next/headers";
import { openDisplaySession } from "@/lib/auth/session";
import { services } from "@/lib/services";

const INVALID = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Display link not valid · Meeting Monitor</title>
<body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#020617;color:#f8fafc;font:2.2vw system-ui,sans-serif;text-align:center">
<p>This display link is not valid, or it was revoked.<br>An admin can make a new one under Displays.</p></body></html>`;

/** A wall display's link: signs this browser in as the display (for a long time) and opens its wall. */
export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const display = await services().displays.byToken((await ctx.params).token);
  if (!display) return new Response(INVALID, { status: 404, headers: { "content-type": "text/html; charset=utf-8" } });
  await openDisplaySession(await cookies(), display.id);
  // Relative, so it holds behind any proxy or host name.
  return new Response(null, { status: 303, headers: { location: `/wall${display.settings ? `?${display.settings}` : ""}` } });
}
