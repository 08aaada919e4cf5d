import type { ExportWords } from "@/lib/attendance/export";
import { MEETING_PID, type ReplayEventsResponse } from "@/lib/domain/replay";
import type { ExportSheet } from "@/lib/export/sheet";

/** A past meeting's log as a download: a row per change, times in the reader's zone, what the log covers above it. */
export function eventsSheet(log: ReplayEventsResponse, tz: string, { t }: ExportWords): ExportSheet {
  const value = (v: ReplayEventsResponse["events"][number]["value"]) => (v === true ? t("yes") : v === false ? t("no") : v === null ? "" : v);
  return {
    name: t("eventsSheet"),
    about: [
      [t("meeting"), `${log.subject} (${log.conferenceID})`],
      [t("eventCompleteness"), t("completeness", { c: log.completeness })],
      [t("eventGaps"), log.gaps.map((g) => `${g.from} – ${g.to}`).join("; ")],
      [t("timeZone"), tz],
    ],
    header: [t("eventTime", { zone: tz }), t("eventPerson"), t("eventWhat"), t("eventValue"), t("eventFound"), t("eventPid"), t("eventSeen", { zone: tz }), t("eventBy")],
    rows: log.events.map((e) => [
      { at: Date.parse(e.at) },
      e.pid === MEETING_PID ? t("eventMeeting") : e.name,
      t("eventField", { field: e.field }),
      value(e.value),
      e.initial ? t("yes") : t("no"),
      e.pid,
      { at: Date.parse(e.seenAt) },
      e.by ?? "",
    ]),
  };
}
