import { attendanceExportRoute } from "@/lib/api/attendance-export";

export const GET = attendanceExportRoute("xlsx");
