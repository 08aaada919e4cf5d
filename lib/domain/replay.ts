import { z } from "zod";
import { participantChangeSchema, participantSchema } from "./participant";

/** A stretch of a meeting the dashboard did not see (it was not watching, or the store or Huawei was away). */
export const gapSchema = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });

/** A person at an instant of a replay; flags are null where the log does not know them (records only, or presence only). */
export const replayParticipantSchema = z.object({
  pid: z.string().optional(),
  name: z.string(),
  role: participantSchema.shape.role.nullable(),
  muted: z.boolean().nullable(),
  handRaised: z.boolean().nullable(),
  handRaisedSince: z.iso.datetime().optional(),
  camera: z.boolean().nullable(),
  sharing: z.boolean().nullable(),
});
export type ReplayParticipant = z.infer<typeof replayParticipantSchema>;

export const completenessSchema = z.enum(["live", "records", "partial"]);

export const replayResponseSchema = z.object({
  at: z.iso.datetime(),
  /** live: watched throughout; records: from Huawei's attendee records only (presence); partial: watched with gaps. */
  completeness: completenessSchema,
  gaps: z.array(gapSchema),
  /** `at` falls in a gap: the people shown are as last seen before it. */
  inGap: z.boolean(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  participants: z.array(replayParticipantSchema),
});
export type ReplayResponse = z.infer<typeof replayResponseSchema>;

/** One entry of a meeting's log. */
export const replayEventSchema = z.object({
  at: z.iso.datetime(),
  seenAt: z.iso.datetime(),
  pid: z.string(),
  name: z.string(),
  field: participantChangeSchema.shape.field,
  value: participantChangeSchema.shape.value,
  /** The state as found when watching began (or a joiner's flags), not a change anyone made. */
  initial: z.boolean(),
});
export type ReplayEvent = z.infer<typeof replayEventSchema>;

export const replayEventsResponseSchema = z.object({
  /** Null for a meeting going on (it has no confUUID in the archive yet). */
  confUUID: z.string().nullable(),
  conferenceID: z.string(),
  subject: z.string(),
  /** The meeting's start and its end (or now, for one going on). */
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  completeness: completenessSchema,
  gaps: z.array(gapSchema),
  events: z.array(replayEventSchema),
});
export type ReplayEventsResponse = z.infer<typeof replayEventsResponseSchema>;
