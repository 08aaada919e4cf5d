import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** The archive's state: meetings and records held, the oldest, the last run, how far behind, the last error. */
export const GET = withViewer(async () => Response.json(await services().archive.status()), ["admin"]);
