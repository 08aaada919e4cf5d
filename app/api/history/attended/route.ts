import { z } from "zod";
import { confUuidSchema, parseOr400, queryObject } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** At most a page of the history list at a time. */
const attendedQuerySchema = z.object({
  ids: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(confUuidSchema).min(1, "name at least one confUUID").max(50, "at most 50 meetings at a time")),
});

/** How many attended each past meeting of a page of the history list, filled in after the list shows. */
export const GET = withViewer(async (req, viewer) => {
  const { ids } = parseOr400(attendedQuerySchema, queryObject(req.url));
  return Response.json({ counts: await services().history.attendedCounts(viewer, ids) });
}, DESK_ROLES);
