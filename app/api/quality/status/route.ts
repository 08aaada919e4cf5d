import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

/** Whether meeting health can be had from Huawei, and if not why: `{available, reason, message, checkedAt}`. */
export const GET = withViewer(async () => Response.json(services().health.status()));
