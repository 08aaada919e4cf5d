import { z } from "zod";
import { pageSchema } from "./schemas";

// Huawei's quality APIs (quality reference §2 to §8). Alarm flags are the strings "YES" and "NO";
// anything else is read as no alarm. Every field the dashboard does not strictly need is optional.

const flag = z
  .string()
  .nullish()
  .transform((v) => v === "YES");

/** §4: one meeting's alarm summary; each flag is the OR of its participants'. */
export const qosConferenceInfoSchema = z.object({
  confUUID: z.string(),
  conferenceID: z.string().nullish(),
  subject: z.string().nullish(),
  deptName: z.string().nullish(),
  alarm: flag,
  audioAlarm: flag,
  videoAlarm: flag,
  screenAlarm: flag,
  cpuAlarm: flag,
  startTime: z.number().nullish(),
  endTime: z.number().nullish(),
  participants: z.number().nullish(),
});
export type QosConferenceInfo = z.infer<typeof qosConferenceInfoSchema>;

/** §5.1: one person's facts and alarm flags, send and receive apart. */
export const qosParticipantInfoSchema = z.object({
  confUUID: z.string().nullish(),
  conferenceID: z.string().nullish(),
  participantID: z.string(),
  userUUID: z.string().nullish(),
  displayName: z.string().nullish(),
  deptName: z.string().nullish(),
  terminalType: z.string().nullish(),
  role: z.string().nullish(),
  ipAddress: z.string().nullish(),
  country: z.string().nullish(),
  province: z.string().nullish(),
  city: z.string().nullish(),
  appVersion: z.string().nullish(),
  joinTime: z.number().nullish(),
  leftTime: z.number().nullish(),
  systemInfo: z.string().nullish(),
  networkType: z.string().nullish(),
  alarm: flag,
  audioAlarmSend: flag,
  videoAlarmSend: flag,
  screenAlarmSend: flag,
  audioAlarmRec: flag,
  videoAlarmRec: flag,
  screenAlarmRec: flag,
  cpuAlarm: flag,
  microphoneInfo: z.string().nullish(),
  speakerInfo: z.string().nullish(),
  cameraInfo: z.string().nullish(),
  leftReason: z.number().nullish(),
  existQos: z.boolean().nullish(),
});
export type QosParticipantInfo = z.infer<typeof qosParticipantInfoSchema>;

/** §6.4: a point of an alarmed series (latency ms, jitter ms, loss percent, CPU percent). */
const alarmedPointSchema = z.object({ time: z.string(), value: z.coerce.number(), alarm: z.boolean().nullish(), threshold: z.coerce.number().nullish() });
/** §6.4: an informational point; the SDK declares a string, the doc example sends a number: both are read. */
const plainPointSchema = z.object({ time: z.string(), value: z.union([z.string(), z.number()]).transform(String) });
const series = <T extends z.ZodType>(point: T) => z.array(point).nullish().transform((d) => d ?? []);

export const qosSendReceiveSchema = z.object({
  bitrate: series(plainPointSchema),
  latency: series(alarmedPointSchema),
  jitter: series(alarmedPointSchema),
  packet_loss_max: series(alarmedPointSchema),
  resolution: series(plainPointSchema),
  frame: series(plainPointSchema),
});
export type QosSendReceive = z.infer<typeof qosSendReceiveSchema>;

export const qosParticipantDetailSchema = z.object({
  user: qosParticipantInfoSchema.nullish(),
  qos: z.object({
    type: z.string().nullish(),
    send: qosSendReceiveSchema.nullish(),
    receive: qosSendReceiveSchema.nullish(),
    cpu: z.object({ client_cpu_max: series(alarmedPointSchema), system_cpu_max: series(alarmedPointSchema) }).nullish(),
  }),
});
export type QosParticipantDetail = z.infer<typeof qosParticipantDetailSchema>;

const thresholdPairSchema = z.object({ receiving: z.number().nullish(), receivingDefault: z.number().nullish(), sending: z.number().nullish(), sendingDefault: z.number().nullish() });
const cpuThresholdSchema = z.object({ cpu: z.number().nullish(), cpuDefault: z.number().nullish() });

/** §7.1: what applies to the asked type is there; the rest may be absent or defaults. */
export const qosThresholdSchema = z.object({
  latency: thresholdPairSchema.nullish(),
  jitter: thresholdPairSchema.nullish(),
  packetLoss: thresholdPairSchema.nullish(),
  clientCpuMax: cpuThresholdSchema.nullish(),
  systemCpuMax: cpuThresholdSchema.nullish(),
});
export type QosThreshold = z.infer<typeof qosThresholdSchema>;

export const setQosThresholdResponseSchema = z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish();

/** §8.3: one stream; loss in per mille. */
const streamQosSchema = z.object({
  networkQuality: z.string().nullish(),
  codecType: z.string().nullish(),
  bandWidth: z.number().nullish(),
  lostPacketRate: z.number().nullish(),
  delay: z.number().nullish(),
  jitter: z.number().nullish(),
  resolutionHeight: z.number().nullish(),
  resolutionWidth: z.number().nullish(),
  frameRate: z.number().nullish(),
  codecUserId: z.string().nullish(),
});
const mediaQosSchema = z.object({ upList: series(streamQosSchema), downList: series(streamQosSchema) });

/** §8: a snapshot per person; a 200 can still carry a failure in `returnCode`, which the caller must check. */
export const networkQualityResponseSchema = z.object({
  returnCode: z.number().nullish(),
  returnDesc: z.string().nullish(),
  qosList: z
    .array(
      z.object({
        participantID: z.string(),
        netRate: z.string().nullish(),
        bandWidthUp: z.number().nullish(),
        bandWidthDown: z.number().nullish(),
        lostPacketRateUp: z.number().nullish(),
        lostPacketRateDown: z.number().nullish(),
        delay: z.number().nullish(),
        videoQos: mediaQosSchema.nullish(),
        audioQos: mediaQosSchema.nullish(),
        auxQos: mediaQosSchema.nullish(),
      }),
    )
    .nullish()
    .transform((d) => d ?? []),
});
export type NetworkQualityResponse = z.infer<typeof networkQualityResponseSchema>;

export const qosConferenceListSchema = pageSchema(qosConferenceInfoSchema);
export const qosParticipantListSchema = pageSchema(qosParticipantInfoSchema);

/**
 * §5 read for who had an alarm alone: a 1,000-person meeting's two pages parse in about 5 ms this
 * way against 20 to 30 ms with every field, time the live relay's event loop is held.
 */
export const qosParticipantAlarmListSchema = pageSchema(qosParticipantInfoSchema.pick({ participantID: true, alarm: true }));
