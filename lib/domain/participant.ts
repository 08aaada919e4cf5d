import { z } from "zod";
import { attendeeSchema, meetingSchema } from "./meeting";
import { participantQualitySchema } from "./quality";

export const participantSchema = z.object({
  pid: z.string(),
  name: z.string(),
  role: z.enum(["host", "cohost", "participant", "audience"]),
  state: z.enum(["in-meeting", "calling", "joining"]),
  muted: z.boolean(),
  handRaised: z.boolean(),
  /**
   * The camera is on (pinfoMap CAMERASTATE). Null while unknown: realTimeInfo does not say, so a
   * person seen only through it has none; otherwise it is the last pushed value.
   */
  camera: z.boolean().nullable(),
  /** The site can send video (pinfoMap VIDEO, realTimeInfo `video`); an audio-only phone cannot. */
  videoSite: z.boolean(),
  sharing: z.boolean(),
  joinedAt: z.iso.datetime().nullable(),
  /** When the dashboard saw the hand go up (Huawei does not say), for the raise queue. */
  handRaisedAt: z.iso.datetime().nullable(),
  /** The hand was already up when the dashboard began watching: handRaisedAt is then that moment. */
  handRaisedBefore: z.boolean(),
  device: z.string().nullable(),
  /** Meeting account (pinfoMap ACCOUNT or THIRDACCOUNT), to tell invitees apart from namesakes. */
  account: z.string().nullable(),
  /** Huawei user id (pinfoMap ACCOUNT_ID). */
  userUUID: z.string().nullable(),
  /** The site's number (TEL, or realTimeInfo's `phone`), masked where Huawei masks it. */
  number: z.string().nullable(),
  /** Their connection as Huawei last measured it (the network-quality snapshot); null until measured, or where quality cannot be had. */
  quality: participantQualitySchema.nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

/** One change of a participant seen while the dashboard watched the meeting. */
export const participantChangeSchema = z.object({
  at: z.iso.datetime(),
  /** `present`: joined (true) while watched; `quality`: the connection's mark (good, poor, bad) changed; the others are the participant's flags and role. */
  field: z.enum(["present", "muted", "handRaised", "camera", "sharing", "role", "quality"]),
  value: z.union([z.boolean(), z.string(), z.null()]),
});
export type ParticipantChange = z.infer<typeof participantChangeSchema>;

/** Asks for one participant's changes in a meeting the socket watches. */
export const changesRequestSchema = z.object({ conferenceID: z.string().regex(/^[A-Za-z0-9]{1,32}$/), pid: z.string().min(1).max(128) });
export type ChangesRequest = z.infer<typeof changesRequestSchema>;

export const liveMeetingSchema = z.object({
  conferenceID: z.string(),
  subject: z.string().nullable(),
  hostName: z.string().nullable(),
  startTime: z.iso.datetime().nullable(),
  endTime: z.iso.datetime().nullable(),
  state: z.enum(["ongoing", "ended"]),
  locked: z.boolean(),
  recording: z.boolean(),
  /**
   * `full`: each person's mute, hand, camera and sharing are known (push socket or realTimeInfo).
   * `presence`: Huawei withholds the host password, so only who is present and their role are
   * known (its online attendee list): the flags of every row are then not real and not shown.
   */
  coverage: z.enum(["full", "presence"]),
});
export type LiveMeeting = z.infer<typeof liveMeetingSchema>;

export const meetingTopicDataSchema = z.object({
  meeting: liveMeetingSchema,
  participants: z.array(participantSchema),
  attendees: z.array(attendeeSchema),
  /** pids of up to three people speaking now (Huawei's loudest, in their order when who speaks last changed). */
  speakers: z.array(z.string()),
});
export type MeetingTopicData = z.infer<typeof meetingTopicDataSchema>;

export const upstreamStatusSchema = z.enum(["live", "polling", "stale", "ended", "unavailable"]);
export type UpstreamLiveStatus = z.infer<typeof upstreamStatusSchema>;

/** Why a meeting cannot be watched live (`unavailable`); the page explains each. */
export const unavailableReasonSchema = z.enum([
  /** Huawei gave the dashboard's account no host password (`******`, empty or absent). */
  "host_password_withheld",
  /** Huawei refused the host password the dashboard had (MMC.111072065). */
  "host_password_refused",
]);
export type UnavailableReason = z.infer<typeof unavailableReasonSchema>;

const topicRef = { topic: z.enum(["meetings", "meeting", "wall", "wall-meeting"]), conferenceID: z.string().optional() };

export const snapshotEventSchema = z.object({ ...topicRef, seq: z.number().int(), sourceTime: z.number(), data: z.unknown() });
export const patchEventSchema = z.object({
  ...topicRef,
  seq: z.number().int(),
  sourceTime: z.number(),
  /** Whole rows of the topic (Participant or Meeting) that changed. */
  upserts: z.array(z.unknown()),
  removes: z.array(z.string()),
  /** The meeting topic's other fields, when they changed: the meeting's changed keys, the whole invitee and speaker lists. */
  meeting: z.record(z.string(), z.unknown()).optional(),
  attendees: z.array(attendeeSchema).optional(),
  speakers: z.array(z.string()).optional(),
  /** The wall's meeting view: who is missing, by name, when it changed. */
  missing: z.array(z.object({ name: z.string(), department: z.string().nullable() })).optional(),
});
export const statusEventSchema = z.object({ ...topicRef, upstream: upstreamStatusSchema, since: z.number(), reason: unavailableReasonSchema.optional() });
export type SnapshotEvent = z.infer<typeof snapshotEventSchema>;
export type PatchEvent = z.infer<typeof patchEventSchema>;
export type StatusEvent = z.infer<typeof statusEventSchema>;

const conferenceIdSchema = z.string().regex(/^[A-Za-z0-9]{1,32}$/, "a conference ID is 1 to 32 letters and digits");

/** What a client sends to `subscribe` and `unsubscribe`. */
export const subscriptionSchema = z.discriminatedUnion("topic", [
  z.object({ topic: z.literal("meetings") }),
  /** The wall's overview; `mask: "initials"` reduces names to initials on the server. */
  z.object({ topic: z.literal("wall"), mask: z.enum(["none", "initials"]).default("none") }),
  /** One meeting as the wall shows it in rotation: no numbers, accounts or e-mail addresses. */
  z.object({ topic: z.literal("wall-meeting"), conferenceID: conferenceIdSchema, mask: z.enum(["none", "initials"]).default("none") }),
  z.object({ topic: z.literal("meeting"), conferenceID: conferenceIdSchema }),
]);
export type Subscription = z.infer<typeof subscriptionSchema>;

export const meetingsTopicDataSchema = z.object({ items: z.array(meetingSchema) });
