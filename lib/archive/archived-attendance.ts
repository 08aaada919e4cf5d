import { z } from "zod";
import { buildAttendance, type AttendanceResponse } from "@/lib/domain/attendance";
import { toAttendee, toPastMeeting } from "@/lib/domain/meeting";
import { conferenceInfoSchema, participantInfoSchema, type AttendeeRecord } from "@/lib/huawei/schemas";
import type { HuaweiLanguage } from "@/lib/i18n/locales";
import type { ArchivedMeetingRow, AttendanceRecordRow } from "@/lib/store/schema";

/** A meeting's attendance rebuilt from the archive: the same records through the same code, so the same figures. */
export function archivedAttendance(meeting: ArchivedMeetingRow, records: readonly AttendanceRecordRow[], language: HuaweiLanguage): AttendanceResponse {
  const conference = conferenceInfoSchema.parse(JSON.parse(meeting.conference));
  const invitees = z.array(participantInfoSchema).parse(JSON.parse(meeting.invitees));
  const english = language === "en-US";
  const asHuawei: AttendeeRecord[] = records.map((r) => ({
    displayName: r.displayName,
    callNumber: r.callNumber,
    deviceType: english ? r.deviceEn : r.deviceZh,
    mediaType: english ? r.mediaEn : r.mediaZh,
    joinTime: r.joinTime,
    leftTime: r.leftTime,
    deptName: r.deptName,
  }));
  return { ...buildAttendance(meeting.confUuid, toPastMeeting(conference), asHuawei, invitees.map(toAttendee)), source: "archive", archivedAt: new Date(meeting.collectedAt).toISOString() };
}
