import { createTranslator } from "next-intl";
import { z } from "zod";
import type { Participant } from "@/lib/domain/participant";
import { compareParticipants } from "@/lib/domain/participant-order";
import { attachment, EXPORT_TYPES, exportFileName, toCsv, toXlsx, type ExportSheet } from "@/lib/export/sheet";
import type { OnlineAttendee } from "@/lib/huawei/schemas";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { callerFor } from "@/lib/meetings/viewer-scope";
import { services } from "@/lib/services";
import { dateInZone, isoInZone } from "@/lib/zoned-time";
import { conferenceIdSchema, parseOr400, queryObject, timeZoneSchema } from "./validation";
import { DESK_ROLES, withViewer } from "./with-viewer";

const querySchema = z.object({ tz: timeZoneSchema });
const byName = compareParticipants("name", "asc");

/**
 * Who is present, and where from: the live grid; a watcher holding only Huawei's attendee list
 * (the host password withheld: names, numbers and hosts, no flags); or that list asked now.
 */
type Present = { source: "live"; people: Participant[] } | { source: "presence"; people: Participant[] } | { source: "attendee-list"; people: OnlineAttendee[] };

const SOURCE = { live: "sourceLive", presence: "sourcePresence", "attendee-list": "sourceList" } as const;

/** Who is in the meeting now, as the live grid lists them; from Huawei's online attendee list (names and hosts only) where nobody watches it live. */
export function participantsSheet(subject: string, conferenceID: string, present: Present, locale: Locale, tz: string, now: number): ExportSheet {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "exports" });
  const yes = (v: boolean | null) => (v === null ? null : t(v ? "yes" : "no"));
  const at = (iso: string | null) => (iso ? { at: Date.parse(iso) } : null);
  return {
    name: t("participantsSheet"),
    about: [
      [t("meeting"), subject],
      [t("meetingId"), conferenceID],
      [t("exportedAt"), isoInZone(now, tz).slice(0, 16).replace("T", " ")],
      [t("timeZone"), tz],
      [t("source"), t(SOURCE[present.source])],
    ],
    header: [t("name"), t("role"), t("joined", { zone: tz }), t("device"), t("muted"), t("handRaised"), t("handRaisedAt", { zone: tz }), t("camera"), t("sharing"), t("callNumber"), t("account")],
    rows:
      present.source === "live"
        ? [...present.people].sort(byName).map((p) => [p.name, t("roleName", { role: p.role }), at(p.joinedAt), p.device, yes(p.muted), yes(p.handRaised), at(p.handRaisedAt), yes(p.camera), yes(p.sharing), p.number, p.account])
        : present.source === "presence"
          ? [...present.people].sort(byName).map((p) => [p.name, t("roleName", { role: p.role }), null, null, null, null, null, null, null, p.number, p.account])
          : present.people.map((a) => [a.name ?? "", t("roleName", { role: a.role === 1 ? "host" : "participant" }), null, null, null, null, null, null, null, a.call_number ?? null, a.account || a.third_account || null]),
  };
}

export function participantsExportRoute(format: keyof typeof EXPORT_TYPES) {
  return withViewer<{ params: Promise<{ conferenceID: string }> }>(async (req, viewer, ctx) => {
    const conferenceID = parseOr400(conferenceIdSchema, (await ctx.params).conferenceID);
    const { tz } = parseOr400(querySchema, queryObject(req.url));
    const locale = await requestLocale();
    const { meetings, liveMeeting, huawei } = services();
    // The meeting must be one this viewer may see; a host cannot export another's meeting.
    const { value } = await meetings.detail(viewer, conferenceID);
    const live = await liveMeeting(conferenceID);
    const present: Present = !live
      ? { source: "attendee-list", people: await huawei.onlineAttendees(callerFor(viewer), conferenceID) }
      : live.meeting.coverage === "full"
        ? { source: "live", people: live.participants }
        : { source: "presence", people: live.participants };
    const now = Date.now();
    const sheet = participantsSheet(value.meeting.subject, conferenceID, present, locale, tz, now);
    const body = format === "csv" ? toCsv(sheet, tz) : new Uint8Array(await toXlsx([sheet], tz));
    const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "exports" });
    return new Response(body, {
      headers: { "content-type": EXPORT_TYPES[format], "content-disposition": attachment(exportFileName(t("participantsFile"), dateInZone(now, tz), value.meeting.subject, format)) },
    });
  }, DESK_ROLES);
}
