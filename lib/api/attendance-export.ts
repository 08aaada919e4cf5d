import { attachment, attendanceCsv, attendanceXlsx, exportFileName } from "@/lib/attendance/export";
import { exportWords } from "@/lib/i18n/export-words";
import { huaweiLanguage } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { services } from "@/lib/services";
import { z } from "zod";
import { confUuidSchema, parseOr400, queryObject, timeZoneSchema } from "./validation";
import { DESK_ROLES, withViewer } from "./with-viewer";

const exportQuerySchema = z.object({ tz: timeZoneSchema });

const FORMATS = {
  csv: { type: "text/csv; charset=utf-8", body: async (...a: Parameters<typeof attendanceCsv>) => attendanceCsv(...a) },
  xlsx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: async (...a: Parameters<typeof attendanceXlsx>) => new Uint8Array(await attendanceXlsx(...a)),
  },
} as const;

/** GET handler for an attendance download, in the reader's language; `?tz=` picks the zone its times are written in. */
export function attendanceExportRoute(format: keyof typeof FORMATS) {
  return withViewer<{ params: Promise<{ confUUID: string }> }>(async (req, viewer, ctx) => {
    const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
    const { tz } = parseOr400(exportQuerySchema, queryObject(req.url));
    const locale = await requestLocale();
    const words = exportWords(locale);
    const attendance = await services().history.attendance(viewer, confUUID, huaweiLanguage(locale));
    return new Response(await FORMATS[format].body(attendance, tz, words), {
      headers: { "content-type": FORMATS[format].type, "content-disposition": attachment(exportFileName(attendance, format, words)) },
    });
  }, DESK_ROLES);
}
