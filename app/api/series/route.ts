import { parseOr400, queryObject, reportRangeSchema } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** Meeting IDs held more than once in the range (the archive's series), latest first. */
export const GET = withViewer(async (req, viewer) => {
  const range = parseOr400(reportRangeSchema, queryObject(req.url));
  return Response.json({ items: await services().reports.seriesList(viewer, range) });
}, DESK_ROLES);
