import type { AttendanceResponse } from "@/lib/domain/attendance";
import { deviceLabel, mediaLabel, type RecordWords } from "@/lib/domain/record-words";
import type { ExportSheet } from "@/lib/export/sheet";
import { dateInZone } from "@/lib/zoned-time";

const minutes = (ms: number) => Math.round(ms / 600) / 100;

type ExportKey =
  | "peopleSheet"
  | "sessionsSheet"
  | "meeting"
  | "host"
  | "date"
  | "timeZone"
  | "name"
  | "callNumber"
  | "department"
  | "firstJoined"
  | "lastLeft"
  | "minutesAttended"
  | "share"
  | "sessions"
  | "lateJoiner"
  | "earlyLeaver"
  | "joined"
  | "left"
  | "minutes"
  | "device"
  | "media"
  | "stillIn"
  | "yes"
  | "no"
  | "fileName"
  | "eventsFileName"
  | "eventsSheet"
  | "eventTime"
  | "eventSeen"
  | "eventPerson"
  | "eventPid"
  | "eventWhat"
  | "eventValue"
  | "eventField"
  | "eventCompleteness"
  | "eventGaps"
  | "eventFound"
  | "eventBy"
  | "eventMeeting"
  | "completeness";

/** The words of an export in the reader's language: the `exports` catalogue, and device/media names. */
export interface ExportWords {
  t: (key: ExportKey, values?: Record<string, string>) => string;
  records: RecordWords;
}

/** What the first rows of each sheet say: which meeting, whose, when, in which zone. */
function about(att: AttendanceResponse, tz: string, { t }: ExportWords): [string, string][] {
  return [
    [t("meeting"), `${att.meeting.subject} (${att.meeting.conferenceID})`],
    [t("host"), att.meeting.hostName ?? ""],
    [t("date"), dateInZone(Date.parse(att.summary.meetingStart), tz)],
    [t("timeZone"), tz],
  ];
}

/** One row per person, and one per session, in the reader's language with times in `tz`. */
export function attendanceSheets(att: AttendanceResponse, tz: string, words: ExportWords): [ExportSheet, ExportSheet] {
  const { t, records } = words;
  const yesNo = (b: boolean) => t(b ? "yes" : "no");
  const people: ExportSheet = {
    name: t("peopleSheet"),
    about: about(att, tz, words),
    header: [t("name"), t("callNumber"), t("department"), t("firstJoined", { zone: tz }), t("lastLeft", { zone: tz }), t("minutesAttended"), t("share"), t("sessions"), t("lateJoiner"), t("earlyLeaver")],
    rows: att.people.map((p) => [
      p.name,
      p.callNumber,
      p.department,
      { at: Date.parse(p.firstJoinedAt) },
      { at: Date.parse(p.lastLeftAt) },
      minutes(p.durationMs),
      Math.round(p.shareOfMeeting * 1000) / 10,
      p.sessions.length,
      yesNo(p.lateJoiner),
      yesNo(p.earlyLeaver),
    ]),
  };
  const sessions: ExportSheet = {
    name: t("sessionsSheet"),
    about: about(att, tz, words),
    header: [t("name"), t("callNumber"), t("joined", { zone: tz }), t("left", { zone: tz }), t("minutes"), t("device"), t("media"), t("stillIn")],
    rows: att.people.flatMap((p) =>
      p.sessions.map((s) => [
        p.name,
        p.callNumber,
        { at: Date.parse(s.joinedAt) },
        { at: Date.parse(s.leftAt) },
        minutes(Date.parse(s.leftAt) - Date.parse(s.joinedAt)),
        deviceLabel(s, records),
        mediaLabel(s, records),
        t(s.open ? "yes" : "no"),
      ]),
    ),
  };
  return [people, sessions];
}
