import { attendanceSheets } from "@/lib/attendance/export";
import { attachment, EXPORT_TYPES, exportFileName, toCsv, toXlsx } from "@/lib/export/sheet";
import { exportWords } from "@/lib/i18n/export-words";
import { huaweiLanguage } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { services } from "@/lib/services";
import { dateInZone } from "@/lib/zoned-time";
import { z } from "zod";
import { confUuidSchema, parseOr400, queryObject, timeZoneSchema } from "./validation";
import { DESK_ROLES, withViewer } from "./with-viewer";

const exportQuerySchema = z.object({ tz: timeZoneSchema });

/** GET handler for an attendance download, in the reader's language; `?tz=` picks the zone its times are written in. */
export function attendanceExportRoute(format: keyof typeof EXPORT_TYPES) {
  return withViewer<{ params: Promise<{ confUUID: string }> }>(async (req, viewer, ctx) => {
    const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
    const { tz } = parseOr400(exportQuerySchema, queryObject(req.url));
    const locale = await requestLocale();
    const words = exportWords(locale);
    const attendance = await services().history.attendance(viewer, confUUID, huaweiLanguage(locale));
    const sheets = attendanceSheets(attendance, tz, words);
    const body = format === "csv" ? toCsv(sheets[0], tz) : new Uint8Array(await toXlsx(sheets, tz));
    const name = exportFileName(words.t("fileName"), dateInZone(Date.parse(attendance.summary.meetingStart), tz), attendance.meeting.subject, format);
    return new Response(body, { headers: { "content-type": EXPORT_TYPES[format], "content-disposition": attachment(name) } });
  }, DESK_ROLES);
}
