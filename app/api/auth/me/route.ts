import { withViewer } from "@/lib/api/with-viewer";
import { services } from "@/lib/services";

export const GET = withViewer(async (_req, viewer) =>
  Response.json({ username: viewer.username, role: viewer.role, simulated: services().simulated }),
);
