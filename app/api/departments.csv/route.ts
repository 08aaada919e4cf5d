import { departmentsRoute } from "@/lib/api/report-routes";

export const GET = departmentsRoute("csv");
