import { z } from "zod";
import { upstreamStatusSchema, unavailableReasonSchema } from "./participant";
import { meetingHealthSchema } from "./quality";

/** Why a meeting needs someone to look at it; the wall sorts these first and says why. */
export const attentionReasonSchema = z.enum(["no_host", "hand_waiting", "overrun", "headcount_drop", "poor_quality", "live_data_unavailable", "live_data_stale"]);
export type AttentionReason = z.infer<typeof attentionReasonSchema>;

/** One tile of the wall: a meeting in a few numbers, with the age of its data and what needs attention. */
export const meetingSummarySchema = z.object({
  conferenceID: z.string(),
  subject: z.string(),
  hostName: z.string().nullable(),
  startTime: z.iso.datetime().nullable(),
  endTime: z.iso.datetime().nullable(),
  recording: z.boolean(),
  invited: z.number().int().nullable(),
  /** Null while no live data: then `listedPresent` (the ongoing list's count) stands in. */
  present: z.number().int().nullable(),
  listedPresent: z.number().int().nullable(),
  muted: z.number().int().nullable(),
  hands: z.number().int().nullable(),
  camera: z.number().int().nullable(),
  /** When the longest-waiting hand went up (or when watching began, for hands already up then). */
  oldestHandAt: z.iso.datetime().nullable(),
  upstream: upstreamStatusSchema.nullable(),
  unavailableReason: unavailableReasonSchema.nullable(),
  /** Huawei's quality alarms for the meeting (marks and a count only: no person's detail reaches a wall). */
  health: meetingHealthSchema.nullable(),
  /** Time of the newest data behind this tile (ms). */
  sourceTime: z.number(),
  attention: z.array(attentionReasonSchema),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const wallTopicDataSchema = z.object({ items: z.array(meetingSummarySchema) });
export type WallTopicData = z.infer<typeof wallTopicDataSchema>;
