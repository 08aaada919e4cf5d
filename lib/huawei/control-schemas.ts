import { z } from "zod";

export const controlTokenResponseSchema = z.object({
  data: z.object({
    token: z.string().min(1),
    wsURL: z.string().nullish(),
    expireTime: z.number().nullish(),
    confTokenExpireTime: z.number().nullish(),
    role: z.number().nullish(),
  }),
});

export const wsTokenResponseSchema = z.object({ webSocketToken: z.string().min(1) });

export const realTimeInfoSchema = z.object({
  attendees: z
    .array(z.object({ accountID: z.string().nullish(), userUUID: z.string().nullish(), name: z.string().nullish(), phone: z.string().nullish() }))
    .nullish()
    .transform((a) => a ?? []),
  participants: z
    .array(
      z.object({
        pid: z.string(),
        name: z.string().nullish(),
        phone: z.string().nullish(),
        state: z.number().nullish(),
        video: z.number().nullish(),
        mute: z.number().nullish(),
        hand: z.number().nullish(),
      }),
    )
    .nullish()
    .transform((p) => p ?? []),
  confInfo: z.object({ chairID: z.string().nullish(), coHosts: z.array(z.string()).nullish() }).nullish(),
});
export type RealTimeInfo = z.infer<typeof realTimeInfoSchema>;

// Push frames (§7.3, §7.4). Unknown actions and keys are ignored; pinfoMap values are strings.
const envelope = {
  confID: z.string().nullish(),
  msgMode: z.number().nullish(),
  version: z.number().nullish(),
  createTime: z.number().nullish(),
};

export const participantsNotifySchema = z.object({
  ...envelope,
  action: z.literal("ParticipantsNotify"),
  data: z
    .array(z.object({ pid: z.string(), mode: z.number().nullish(), pinfoMap: z.record(z.string(), z.string()).nullish() }))
    .nullish()
    .transform((d) => d ?? []),
});
export type ParticipantsNotify = z.infer<typeof participantsNotifySchema>;

export const attendeesNotifySchema = z.object({
  ...envelope,
  action: z.literal("AttendeesNotify"),
  data: z
    .array(
      z.object({
        mode: z.number().nullish(),
        userUUID: z.string().nullish(),
        participantID: z.string().nullish(),
        name: z.string().nullish(),
        phone: z.string().nullish(),
        accountId: z.string().nullish(),
        email: z.string().nullish(),
        type: z.string().nullish(),
        deptName: z.string().nullish(),
        role: z.number().nullish(),
      }),
    )
    .nullish()
    .transform((d) => d ?? []),
});
export type AttendeesNotify = z.infer<typeof attendeesNotifySchema>;

export const confBasicInfoNotifySchema = z.object({
  ...envelope,
  action: z.literal("ConfBasicInfoNotify"),
  title: z.string().nullish(),
  owner: z.string().nullish(),
  startTime: z.string().nullish(),
});

export const confDynamicInfoNotifySchema = z.object({
  ...envelope,
  action: z.literal("ConfDynamicInfoNotify"),
  state: z.string().nullish(),
  endTime: z.string().nullish(),
  lock: z.number().nullish(),
  recState: z.number().nullish(),
});

export const speakerChangeNotifySchema = z.object({
  ...envelope,
  action: z.literal("SpeakerChangeNotify"),
  data: z
    .array(z.object({ pid: z.string(), name: z.string().nullish(), speakingVolume: z.number().nullish() }))
    .nullish()
    .transform((d) => d ?? []),
});

/** A figure NetConditionNotify sends as a string ("48"); absent, empty or not a number: null. */
const figure = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v)));

/** MCU meetings' media figures per person (meeting reference §7.4, D-1517): delay and jitter in ms, loss in 0.01 %. */
export const netConditionNotifySchema = z.object({
  ...envelope,
  action: z.literal("NetConditionNotify"),
  data: z
    .array(
      z.object({
        participantID: z.string(),
        delay: figure,
        jitter: figure,
        outJitter: figure,
        lostPacketRate: figure,
        audioOutLossPacketRate: figure,
      }),
    )
    .nullish()
    .transform((d) => d ?? []),
});
export type NetConditionNotify = z.infer<typeof netConditionNotifySchema>;

export const pushFrameSchema = z.discriminatedUnion("action", [
  participantsNotifySchema,
  attendeesNotifySchema,
  confBasicInfoNotifySchema,
  confDynamicInfoNotifySchema,
  speakerChangeNotifySchema,
  netConditionNotifySchema,
]);
export type PushFrame = z.infer<typeof pushFrameSchema>;

export const KNOWN_PUSH_ACTIONS = new Set(pushFrameSchema.options.map((o) => o.shape.action.value));
