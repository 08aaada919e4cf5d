import { z } from "zod";
import { parseOr400, queryObject } from "@/lib/api/validation";
import { DESK_ROLES, withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

const querySchema = z.object({ q: z.string().trim().min(2, "type at least two characters").max(64, "must be at most 64 characters") });

/** Who is in which ongoing meeting now: `?q=` a name, its pinyin, a number or an account. A host searches their own meetings. */
export const GET = withViewer(async (req, viewer) => {
  const { q } = parseOr400(querySchema, queryObject(req.url));
  return Response.json(await services().presentPeople.search(viewer, q));
}, DESK_ROLES);
