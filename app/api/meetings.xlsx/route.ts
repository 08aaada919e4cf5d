import { ongoingExportRoute } from "@/lib/api/ongoing-export";

export const GET = ongoingExportRoute("xlsx");
