import { departmentsRoute } from "@/lib/api/report-routes";

/** Meetings, attendances and person-minutes per department and day, week or month. */
export const GET = departmentsRoute();
