import { eventsExportRoute } from "@/lib/api/events-export";

export const GET = eventsExportRoute("xlsx");
