import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** What fires now and what fired lately, each with its messages' delivery; a wall gets what fires only. */
export const GET = withViewer(async (_req, viewer) => Response.json(await services().alerts.list(viewer)));
