import { z } from "zod";
import { attendeeSchema, meetingSchema } from "./meeting";

export const participantSchema = z.object({
  pid: z.string(),
  name: z.string(),
  role: z.enum(["host", "cohost", "participant", "audience"]),
  state: z.enum(["in-meeting", "calling", "joining"]),
  muted: z.boolean(),
  handRaised: z.boolean(),
  video: z.boolean(),
  sharing: z.boolean(),
  joinedAt: z.iso.datetime().nullable(),
  /** When the dashboard saw the hand go up (Huawei does not say), for the raise queue. */
  handRaisedAt: z.iso.datetime().nullable(),
  device: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const liveMeetingSchema = z.object({
  conferenceID: z.string(),
  subject: z.string().nullable(),
  hostName: z.string().nullable(),
  startTime: z.iso.datetime().nullable(),
  endTime: z.iso.datetime().nullable(),
  state: z.enum(["ongoing", "ended"]),
  locked: z.boolean(),
  recording: z.boolean(),
});
export type LiveMeeting = z.infer<typeof liveMeetingSchema>;

export const meetingTopicDataSchema = z.object({
  meeting: liveMeetingSchema,
  participants: z.array(participantSchema),
  attendees: z.array(attendeeSchema),
  /** pids of up to three people speaking now, loudest first. */
  speakers: z.array(z.string()),
});
export type MeetingTopicData = z.infer<typeof meetingTopicDataSchema>;

export const upstreamStatusSchema = z.enum(["live", "polling", "stale", "ended"]);
export type UpstreamLiveStatus = z.infer<typeof upstreamStatusSchema>;

const topicRef = { topic: z.enum(["meetings", "meeting"]), conferenceID: z.string().optional() };

export const snapshotEventSchema = z.object({ ...topicRef, seq: z.number().int(), sourceTime: z.number(), data: z.unknown() });
export const patchEventSchema = z.object({
  ...topicRef,
  seq: z.number().int(),
  sourceTime: z.number(),
  upserts: z.array(z.unknown()),
  removes: z.array(z.string()),
  meeting: z.record(z.string(), z.unknown()).optional(),
});
export const statusEventSchema = z.object({ ...topicRef, upstream: upstreamStatusSchema, since: z.number() });
export type SnapshotEvent = z.infer<typeof snapshotEventSchema>;
export type PatchEvent = z.infer<typeof patchEventSchema>;
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** What a client sends to `subscribe` and `unsubscribe`. */
export const subscriptionSchema = z.discriminatedUnion("topic", [
  z.object({ topic: z.literal("meetings") }),
  z.object({ topic: z.literal("meeting"), conferenceID: z.string().regex(/^[A-Za-z0-9]{1,32}$/, "a conference ID is 1 to 32 letters and digits") }),
]);
export type Subscription = z.infer<typeof subscriptionSchema>;

export const meetingsTopicDataSchema = z.object({ items: z.array(meetingSchema) });
