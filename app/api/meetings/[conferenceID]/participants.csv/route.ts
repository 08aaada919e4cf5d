import { participantsExportRoute } from "@/lib/api/participants-export";

export const GET = participantsExportRoute("csv");
