import { z } from "zod";
import { conferenceIdSchema, parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

const bodySchema = z.object({ password: z.string().min(1, "the host password is required").max(64, "a host password is at most 64 characters") }, { error: "send JSON {password}" });

/** Gives the dashboard a meeting's host password; Huawei checks it before it is kept (in memory only). */
export const POST = withViewer<{ params: Promise<{ conferenceID: string }> }>(async (req, viewer, ctx) => {
  const conferenceID = parseOr400(conferenceIdSchema, (await ctx.params).conferenceID);
  const { password } = parseOr400(bodySchema, await req.json().catch(() => undefined));
  await services().hostPasswordEntry.submit(viewer, conferenceID, password);
  return new Response(null, { status: 204 });
}, DESK_ROLES);
