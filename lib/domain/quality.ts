import { z } from "zod";

/** A person's connection at a glance, as Huawei's meeting-control page colours it. */
export const qualityLevelSchema = z.enum(["good", "poor", "bad"]);
export type QualityLevel = z.infer<typeof qualityLevelSchema>;

// Huawei's APIs give packet loss in three units (quality reference §1.4): percent in the metrics
// series and thresholds, per mille in the network-quality snapshot, 0.01 % in the push frame.
export const lossFromPerMille = (perMille: number) => perMille / 10;
export const lossFromHundredths = (hundredths: number) => hundredths / 100;

/** A person's connection now: the level and the figures behind it, and when Huawei measured them. */
export const participantQualitySchema = z.object({
  level: qualityLevelSchema,
  latencyMs: z.number().nullable(),
  jitterMs: z.number().nullable(),
  lossPercent: z.number().nullable(),
  at: z.iso.datetime(),
});
export type ParticipantQuality = z.infer<typeof participantQualitySchema>;

export interface LinkFigures {
  latencyMs: number | null;
  jitterMs: number | null;
  lossPercent: number | null;
}

/**
 * Bad where Huawei's meeting-control page turns a signal red: delay of 250 ms or more, jitter of
 * 50 ms or more, audio loss of 10 % or more, video loss of 3 % or more. Poor from half of each:
 * trouble a person starts to hear before it breaks up.
 */
export function qualityLevel(f: LinkFigures, media: "audio" | "video"): QualityLevel {
  const lossBad = media === "audio" ? 10 : 3;
  const over = (value: number | null, limit: number) => value !== null && value >= limit;
  if (over(f.latencyMs, 250) || over(f.jitterMs, 50) || over(f.lossPercent, lossBad)) return "bad";
  if (over(f.latencyMs, 125) || over(f.jitterMs, 25) || over(f.lossPercent, lossBad / 2)) return "poor";
  return "good";
}

const RANK: Record<QualityLevel, number> = { good: 0, poor: 1, bad: 2 };
const worstLevel = (levels: QualityLevel[]) => levels.reduce((worst, l) => (RANK[l] > RANK[worst] ? l : worst), "good");

/**
 * A meeting's health by Huawei's quality alarms: each of the four true when Huawei raised that
 * alarm for someone in the meeting (alarms latch for the meeting's life), `affected` how many
 * people had one (null until counted), `fetchedAt` when Huawei was asked.
 */
export const meetingHealthSchema = z.object({
  audio: z.boolean(),
  video: z.boolean(),
  screen: z.boolean(),
  cpu: z.boolean(),
  affected: z.number().int().nullable(),
  fetchedAt: z.iso.datetime(),
});
export type MeetingHealth = z.infer<typeof meetingHealthSchema>;

/** Why quality cannot be had: Huawei refused it (edition, role, or not switched on), it could not be asked, or the dashboard is set not to ask (QUALITY=off). */
export const qualityUnavailableReasonSchema = z.enum(["forbidden", "upstream_error", "switched_off"]);

export const qualityStatusSchema = z.object({
  /** Null until Huawei has been asked once. */
  available: z.boolean().nullable(),
  reason: qualityUnavailableReasonSchema.nullable(),
  /** Huawei's own words, where it gave any. */
  message: z.string().nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type QualityStatus = z.infer<typeof qualityStatusSchema>;

interface StreamFigures {
  delay?: number | null;
  jitter?: number | null;
  lostPacketRate?: number | null;
}

/** The figures of one person in Huawei's network-quality snapshot (§8: loss in per mille), as the grid's mark: the worse of their audio and video. */
export function qualityFromSnapshot(
  u: { delay?: number | null; lostPacketRateUp?: number | null; lostPacketRateDown?: number | null; audioQos?: { upList: StreamFigures[]; downList: StreamFigures[] } | null; videoQos?: { upList: StreamFigures[]; downList: StreamFigures[] } | null },
  at: string,
): ParticipantQuality {
  const most = (values: (number | null | undefined)[]) => {
    const known = values.filter((v): v is number => typeof v === "number");
    return known.length ? Math.max(...known) : null;
  };
  const streams = (q: { upList: StreamFigures[]; downList: StreamFigures[] } | null | undefined) => [...(q?.upList ?? []), ...(q?.downList ?? [])];
  const figures = (list: StreamFigures[], fallbackLoss: (number | null | undefined)[]): LinkFigures => ({
    latencyMs: most([u.delay, ...list.map((s) => s.delay)]),
    jitterMs: most(list.map((s) => s.jitter)),
    lossPercent: ((v) => (v === null ? null : lossFromPerMille(v)))(most(list.length ? list.map((s) => s.lostPacketRate) : fallbackLoss)),
  });
  const audio = figures(streams(u.audioQos), [u.lostPacketRateUp, u.lostPacketRateDown]);
  const video = streams(u.videoQos);
  const level = worstLevel([qualityLevel(audio, "audio"), ...(video.length ? [qualityLevel(figures(video, []), "video")] : [])]);
  return { level, latencyMs: audio.latencyMs, jitterMs: audio.jitterMs, lossPercent: audio.lossPercent, at };
}

/**
 * A person's mark from NetConditionNotify (MCU meetings; loss in 0.01 %): audio by its own loss,
 * and the stream `lostPacketRate` measures held to video's stricter limit, the worse of the two.
 */
export function qualityFromNetCondition(
  d: { delay: number | null; jitter: number | null; outJitter: number | null; lostPacketRate: number | null; audioOutLossPacketRate: number | null },
  at: string,
): ParticipantQuality {
  const jitters = [d.jitter, d.outJitter].filter((v): v is number => v !== null);
  const audio: LinkFigures = {
    latencyMs: d.delay,
    jitterMs: jitters.length ? Math.max(...jitters) : null,
    lossPercent: d.audioOutLossPacketRate === null ? null : lossFromHundredths(d.audioOutLossPacketRate),
  };
  const stream: LinkFigures = { ...audio, lossPercent: d.lostPacketRate === null ? null : lossFromHundredths(d.lostPacketRate) };
  const level = worstLevel([qualityLevel(audio, "audio"), qualityLevel(stream, "video")]);
  return { level, latencyMs: audio.latencyMs, jitterMs: audio.jitterMs, lossPercent: audio.lossPercent ?? stream.lossPercent, at };
}

/** A point of a person's series: its value in the series' unit, and the enterprise threshold in force then (alarmed metrics only). */
export const seriesPointSchema = z.object({ at: z.iso.datetime(), value: z.number(), threshold: z.number().nullable(), alarm: z.boolean() });

const directionSeriesSchema = z.object({
  latencyMs: z.array(seriesPointSchema),
  jitterMs: z.array(seriesPointSchema),
  lossPercent: z.array(seriesPointSchema),
  bitrateKbps: z.array(seriesPointSchema),
  frameRate: z.array(seriesPointSchema),
});
export type DirectionSeries = z.infer<typeof directionSeriesSchema>;

/** GET /api/quality/participants/{conferenceID}/{pid}: a person's device and network, and their series for the meeting so far. */
export const participantSeriesResponseSchema = z.object({
  conferenceID: z.string(),
  pid: z.string(),
  user: z.object({
    name: z.string().nullable(),
    terminalType: z.string().nullable(),
    appVersion: z.string().nullable(),
    systemInfo: z.string().nullable(),
    networkType: z.string().nullable(),
    ipAddress: z.string().nullable(),
    location: z.string().nullable(),
    microphone: z.string().nullable(),
    camera: z.string().nullable(),
  }),
  media: z.object({ audio: z.object({ send: directionSeriesSchema, receive: directionSeriesSchema }), video: z.object({ send: directionSeriesSchema, receive: directionSeriesSchema }), screen: z.object({ send: directionSeriesSchema, receive: directionSeriesSchema }) }),
  cpu: z.object({ client: z.array(seriesPointSchema), system: z.array(seriesPointSchema) }),
  fetchedAt: z.iso.datetime(),
});
export type ParticipantSeriesResponse = z.infer<typeof participantSeriesResponseSchema>;

const pairSchema = z.object({ receiving: z.number().nullable(), receivingDefault: z.number().nullable(), sending: z.number().nullable(), sendingDefault: z.number().nullable() });
const cpuPairSchema = z.object({ cpu: z.number().nullable(), cpuDefault: z.number().nullable() });
const mediaThresholdsSchema = z.object({ latency: pairSchema, jitter: pairSchema, packetLoss: pairSchema });

/** GET /api/quality/thresholds: the enterprise's alarm thresholds beside Huawei's defaults, per media type (latency and jitter in ms, loss in percent, CPU in percent). */
export const qualityThresholdsSchema = z.object({
  AUDIO: mediaThresholdsSchema,
  VIDEO: mediaThresholdsSchema,
  SCREEN: mediaThresholdsSchema,
  CPU: z.object({ clientCpuMax: cpuPairSchema, systemCpuMax: cpuPairSchema }),
});
export type QualityThresholds = z.infer<typeof qualityThresholdsSchema>;

const ms = z.number().int().min(0, "at least 0 ms").max(10_000, "at most 10,000 ms");
const percent = z.number().int().min(0, "at least 0 %").max(100, "at most 100 %");
const direction = <T extends z.ZodType>(v: T) => z.object({ receiving: v, sending: v });

/** POST /api/quality/thresholds: one media type's thresholds, or the CPU's, whole; ranges as Huawei's (ms 0 to 10,000, percent 0 to 100). */
export const setQualityThresholdsSchema = z.discriminatedUnion("type", [
  z.object({ type: z.enum(["AUDIO", "VIDEO", "SCREEN"]), latency: direction(ms), jitter: direction(ms), packetLoss: direction(percent) }),
  z.object({ type: z.literal("CPU"), clientCpuMax: percent, systemCpuMax: percent }),
]);
export type SetQualityThresholds = z.infer<typeof setQualityThresholdsSchema>;
