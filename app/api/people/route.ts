import { peopleQuerySchema } from "@/lib/api/report-routes";
import { parseOr400, queryObject } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** One person's attendance (by name, number or account) across the archive, with totals. */
export const GET = withViewer(async (req, viewer) => {
  const { q, from, to } = parseOr400(peopleQuerySchema, queryObject(req.url));
  return Response.json(await services().reports.people(viewer, q, { from, to }));
}, DESK_ROLES);
