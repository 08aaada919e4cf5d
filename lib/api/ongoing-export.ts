import { createTranslator } from "next-intl";
import { z } from "zod";
import type { Meeting } from "@/lib/domain/meeting";
import { ongoingView } from "@/lib/domain/meeting-order";
import { attachment, EXPORT_TYPES, exportFileName, toCsv, toXlsx, type ExportSheet } from "@/lib/export/sheet";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { services } from "@/lib/services";
import { dateInZone, isoInZone } from "@/lib/zoned-time";
import { ongoingQuerySchema, parseOr400, queryObject, timeZoneSchema } from "./validation";
import { DESK_ROLES, withViewer } from "./with-viewer";

const querySchema = ongoingQuerySchema.omit({ offset: true, limit: true }).extend({ tz: timeZoneSchema });

/** The ongoing list as the page shows it (search, filter, order), every row, in the reader's language. */
export function ongoingSheet(meetings: Meeting[], view: z.infer<typeof querySchema>, locale: Locale, now: number): ExportSheet {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "exports" });
  const media = createTranslator({ locale, messages: messagesFor(locale), namespace: "media" });
  // Huawei's media words (Voice, Data) as the page says them (Audio, Sharing); one Huawei has not named yet stays as it is.
  const mediaWord = (m: string) => (media.has(m as never) ? media(m as never) : m);
  const tz = view.tz;
  const about: [string, string][] = [
    [t("meetingsSheet"), ""],
    [t("exportedAt"), isoInZone(now, tz).slice(0, 16).replace("T", " ")],
    [t("timeZone"), tz],
    [t("filter"), [view.q && `q=${view.q}`, view.show !== "all" && `show=${view.show}`, view.ids && t("attentionFilter", { count: view.ids.length }), `sort=${view.sort} ${view.dir}`].filter(Boolean).join(", ")],
  ];
  return {
    name: t("meetingsSheet"),
    about,
    header: [t("subject"), t("meetingId"), t("host"), t("started", { zone: tz }), t("runningMinutes"), t("present"), t("invited"), t("recording"), t("scheduledEnd", { zone: tz }), t("media")],
    rows: meetings.map((m) => [
      m.subject,
      m.conferenceID,
      m.hostName,
      m.startTime ? { at: Date.parse(m.startTime) } : null,
      m.startTime ? Math.floor((now - Date.parse(m.startTime)) / 60_000) : null,
      m.participantCount,
      m.invitedCount,
      t(m.recording ? "yes" : "no"),
      m.endTime ? { at: Date.parse(m.endTime) } : null,
      m.mediaTypes.map(mediaWord).join(" · "),
    ]),
  };
}

export function ongoingExportRoute(format: keyof typeof EXPORT_TYPES) {
  return withViewer(async (req, viewer) => {
    const view = parseOr400(querySchema, queryObject(req.url));
    const locale = await requestLocale();
    const { value } = await services().meetings.ongoing(viewer, "");
    const now = Date.now();
    const sheet = ongoingSheet(ongoingView(value, view), view, locale, now);
    const body = format === "csv" ? toCsv(sheet, view.tz) : new Uint8Array(await toXlsx([sheet], view.tz));
    const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "exports" });
    return new Response(body, {
      headers: { "content-type": EXPORT_TYPES[format], "content-disposition": attachment(exportFileName(t("meetingsFile"), dateInZone(now, view.tz), null, format)) },
    });
  }, DESK_ROLES);
}
