import { z } from "zod";
import type { ConferenceInfo, ParticipantInfo } from "@/lib/huawei/schemas";
import { huaweiTimeToIso } from "./huawei-time";
import { meetingHealthSchema } from "./quality";

export const meetingStateSchema = z.enum(["scheduled", "starting", "ongoing", "ended", "unknown"]);

export const meetingSchema = z.object({
  conferenceID: z.string(),
  confUUID: z.string().nullable(),
  subject: z.string(),
  hostName: z.string().nullable(),
  hostUserUUID: z.string().nullable(),
  startTime: z.iso.datetime().nullable(),
  endTime: z.iso.datetime().nullable(),
  /** Huawei's numeric zone id of the meeting ("56" = GMT+08:00), when it sent one. */
  timeZoneID: z.string().nullable(),
  mediaTypes: z.array(z.string()),
  state: meetingStateSchema,
  participantCount: z.number().int().nullable(),
  invitedCount: z.number().int().nullable(),
  confMode: z.string().nullable(),
  recording: z.boolean(),
  department: z.string().nullable(),
  /** For a host's own list: true for the meetings they host, false for those they are invited to; null for enterprise-wide views. */
  viewerHosts: z.boolean().nullable(),
  /** Huawei's quality alarms for the meeting; null where quality cannot be had (GET /api/quality/status says why). */
  health: meetingHealthSchema.nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** An invitee. Huawei names the invitee's number `participantID`; phone2 and phone3 are further numbers. */
export const attendeeSchema = z.object({
  name: z.string(),
  role: z.enum(["host", "participant"]),
  type: z.string().nullable(),
  accountId: z.string().nullable(),
  userUUID: z.string().nullable(),
  phone: z.string().nullable(),
  otherPhones: z.array(z.string()),
  email: z.string().nullable(),
  department: z.string().nullable(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const meetingListResponseSchema = z.object({
  items: z.array(meetingSchema),
  /** How many match the search and filter (the pages' total). */
  total: z.number().int(),
  /** Over every meeting the viewer may see, whatever the search and filter. */
  totals: z.object({ meetings: z.number().int(), present: z.number().int(), recording: z.number().int(), large: z.number().int(), quality: z.number().int().nullable(), hosting: z.number().int().nullable() }),
  fetchedAt: z.iso.datetime(),
});
export type MeetingListResponse = z.infer<typeof meetingListResponseSchema>;

export const meetingDetailResponseSchema = z.object({
  meeting: meetingSchema,
  attendees: z.array(attendeeSchema),
  fetchedAt: z.iso.datetime(),
  /**
   * Who is present by the ongoing-meetings list, and when that list was read: confDetail does not
   * count people, so this is the figure to show while no live data is at hand. Null when the list
   * does not show the meeting.
   */
  listedPresent: z.object({ count: z.number().int(), fetchedAt: z.iso.datetime() }).nullable(),
  /** The caller may give the dashboard the meeting's host password: an admin, or the meeting's host. */
  mayEnterHostPassword: z.boolean(),
});
export type MeetingDetailResponse = z.infer<typeof meetingDetailResponseSchema>;

const STATES: Record<string, Meeting["state"]> = {
  Schedule: "scheduled",
  Creating: "starting",
  Created: "ongoing",
  Destroyed: "ended",
};

/** The chair password in confDetail, when Huawei gave it in clear (not `******`, empty or absent). */
export function clearChairPassword(conference: ConferenceInfo): string | undefined {
  const password = conference.passwordEntry?.find((p) => p.conferenceRole === "chair")?.password;
  return password && !/^\*+$/.test(password) ? password : undefined;
}

/** A past meeting: Huawei's history items carry no conferenceState, and a past meeting has ended. */
export function toPastMeeting(c: ConferenceInfo): Meeting {
  return { ...toMeeting(c), state: "ended" };
}

export function toMeeting(c: ConferenceInfo): Meeting {
  return {
    conferenceID: c.conferenceID,
    confUUID: c.confUUID ?? null,
    subject: c.subject?.trim() || "(no subject)",
    hostName: c.scheduserName ?? null,
    hostUserUUID: c.userUUID ?? null,
    startTime: huaweiTimeToIso(c.startTime),
    endTime: huaweiTimeToIso(c.endTime),
    timeZoneID: c.timeZoneID ?? null,
    mediaTypes: (c.mediaTypes ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    state: STATES[c.conferenceState ?? ""] ?? "unknown",
    participantCount: c.onlineAttendeeAmount ?? null,
    invitedCount: c.size ?? null,
    confMode: c.confMode ?? null,
    recording: Boolean(c.isAutoRecord) || (c.recordType ?? 0) > 0,
    department: c.deptName ?? null,
    viewerHosts: null,
    health: null,
  };
}

export function toAttendee(p: ParticipantInfo): Attendee {
  return {
    name: p.name?.trim() || p.accountId || p.participantID || "(unnamed)",
    role: p.role === 1 ? "host" : "participant",
    type: p.attendeeType ?? null,
    accountId: p.accountId || null,
    userUUID: p.userUUID || null,
    phone: p.participantID || null,
    otherPhones: [p.phone2, p.phone3].filter((n): n is string => Boolean(n)),
    email: p.email || null,
    department: p.deptName || null,
  };
}

export const historyListResponseSchema = z.object({
  items: z.array(meetingSchema),
  /** How many attended, by confUUID, when the list was sorted by it (otherwise asked for separately). */
  attended: z.record(z.string(), z.number().int().nullable()).optional(),
  total: z.number().int(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
});
export type HistoryListResponse = z.infer<typeof historyListResponseSchema>;
