import { z } from "zod";
import { participantChangeSchema, participantSchema } from "./participant";
import { qualityLevelSchema } from "./quality";

/** A stretch of a meeting the dashboard did not see (it was not watching, or the store or Huawei was away). */
export const gapSchema = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });

/** A person at an instant of a replay; flags are null where the log does not know them (records only, or presence only). */
export const replayParticipantSchema = z.object({
  /** Huawei's participant id; for a meeting rebuilt from the records, `record-<n>`: one attendance session. */
  pid: z.string().optional(),
  name: z.string(),
  role: participantSchema.shape.role.nullable(),
  muted: z.boolean().nullable(),
  handRaised: z.boolean().nullable(),
  handRaisedSince: z.iso.datetime().optional(),
  camera: z.boolean().nullable(),
  sharing: z.boolean().nullable(),
  /** Among the loudest (Huawei names up to three at a time). */
  speaking: z.boolean().nullable(),
  /** Their connection's mark; null before it was measured. */
  quality: qualityLevelSchema.nullable(),
});
export type ReplayParticipant = z.infer<typeof replayParticipantSchema>;

export const completenessSchema = z.enum(["live", "records", "partial"]);

export const replayResponseSchema = z.object({
  at: z.iso.datetime(),
  /** live: watched throughout; records: from Huawei's attendee records only (presence); partial: watched with gaps. */
  completeness: completenessSchema,
  gaps: z.array(gapSchema),
  /**
   * `at` falls in a gap: the people shown are those Huawei's records say were present (a past
   * meeting's attendee and control records, as for a meeting nobody watched), or as last seen
   * before it where there are no records yet (a meeting going on).
   */
  inGap: z.boolean(),
  /** Whether the meeting was locked; null where the log does not know. */
  locked: z.boolean().nullable(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  participants: z.array(replayParticipantSchema),
});
export type ReplayResponse = z.infer<typeof replayResponseSchema>;

/**
 * What a change of the log is about: a participant's (as the details panel lists them), whether
 * they were among the speakers, or the meeting's lock (a meeting-wide entry, its `pid` empty).
 */
export const logFieldSchema = z.enum([...participantChangeSchema.shape.field.options, "speaking", "locked"]);
export type LogField = z.infer<typeof logFieldSchema>;

/**
 * The order of a log's entries within one instant: someone joins before their flags are set, and
 * leaves after (`value` as the log keeps it, JSON).
 */
export const withinInstant = (e: { field: string; value: string }) => (e.field !== "present" ? 1 : e.value === "true" ? 0 : 2);

/** The pid of a meeting-wide entry of the log (the lock). */
export const MEETING_PID = "";

/** One entry of a meeting's log. */
export const replayEventSchema = z.object({
  at: z.iso.datetime(),
  seenAt: z.iso.datetime(),
  pid: z.string(),
  name: z.string(),
  field: logFieldSchema,
  value: participantChangeSchema.shape.value,
  /** Who did it, where Huawei's control records say (a host muting someone); absent when not known. */
  by: z.string().optional(),
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
  /**
   * A past meeting watched with gaps: its log rebuilt from Huawei's records, which the replay shows
   * at an instant inside a gap (empty where there are no gaps or no records).
   */
  gapEvents: z.array(replayEventSchema),
});
export type ReplayEventsResponse = z.infer<typeof replayEventsResponseSchema>;
