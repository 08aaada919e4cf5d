import { attachment, EXPORT_TYPES, exportFileName, toCsv, toXlsx } from "@/lib/export/sheet";
import { exportWords } from "@/lib/i18n/export-words";
import { requestLocale } from "@/lib/i18n/request-locale";
import { eventsSheet } from "@/lib/replay/events-export";
import { services } from "@/lib/services";
import { dateInZone } from "@/lib/zoned-time";
import { confUuidSchema, parseOr400, queryObject, replayEventsQuerySchema } from "./validation";
import { DESK_ROLES, withViewer } from "./with-viewer";

/** GET handler for a past meeting's log as a download, in the reader's language and `?tz=`. */
export function eventsExportRoute(format: keyof typeof EXPORT_TYPES) {
  return withViewer<{ params: Promise<{ confUUID: string }> }>(async (req, viewer, ctx) => {
    const confUUID = parseOr400(confUuidSchema, (await ctx.params).confUUID);
    const { from, to, tz } = parseOr400(replayEventsQuerySchema, queryObject(req.url));
    const words = exportWords(await requestLocale());
    const log = await services().replay.events(viewer, confUUID, from, to);
    const sheet = eventsSheet(log, tz, words);
    const body = format === "csv" ? toCsv(sheet, tz) : new Uint8Array(await toXlsx([sheet], tz));
    const name = exportFileName(words.t("eventsFileName"), dateInZone(Date.parse(log.from), tz), log.subject, format);
    return new Response(body, { headers: { "content-type": EXPORT_TYPES[format], "content-disposition": attachment(name) } });
  }, DESK_ROLES);
}
