import { newRuleSchema } from "@/lib/alerts/alert-schemas";
import { parseOr400 } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** An admin's rules are all rules; a host's, their own. */
export const GET = withViewer(async (_req, viewer) => Response.json({ items: await services().alerts.listRules(viewer) }), DESK_ROLES);

/** A new rule: admins for any meeting, hosts for their own (quorum, someone waiting, too few, no host). */
export const POST = withViewer(async (req, viewer) => {
  const input = parseOr400(newRuleSchema, await req.json().catch(() => undefined));
  return Response.json(await services().alerts.createRule(input, viewer), { status: 201 });
}, DESK_ROLES);
