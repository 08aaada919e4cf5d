import { z } from "zod";
import { initials } from "./masking";
import { liveMeetingSchema, participantSchema, type MeetingTopicData } from "./participant";
import { missingInvitees } from "./presence";

/**
 * One meeting as a wall may see it: participants without numbers, accounts or user ids, who is
 * missing by name only (matched on the server, where the identities are), and names reduced to
 * initials when the wall asks. Invitees' numbers and e-mail addresses never leave the server.
 */
export const wallMeetingDataSchema = z.object({
  meeting: liveMeetingSchema,
  participants: z.array(participantSchema),
  missing: z.array(z.object({ name: z.string(), department: z.string().nullable() })),
  speakers: z.array(z.string()),
});
export type WallMeetingData = z.infer<typeof wallMeetingDataSchema>;

export function toWallMeeting(data: MeetingTopicData, mask: boolean): WallMeetingData {
  const name = (n: string) => (mask ? initials(n) : n);
  return {
    meeting: { ...data.meeting, hostName: data.meeting.hostName && name(data.meeting.hostName) },
    // A wall shows each person's connection as a mark, never the figures behind it.
    participants: data.participants.map((p) => ({ ...p, name: name(p.name), account: null, userUUID: null, number: null, quality: p.quality && { ...p.quality, latencyMs: null, jitterMs: null, lossPercent: null } })),
    missing: missingInvitees(data.attendees, data.participants).map((a) => ({ name: name(a.name), department: a.department })),
    speakers: data.speakers,
  };
}
