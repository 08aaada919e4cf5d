import { z } from "zod";

/** A person's connection at a glance, as Huawei's meeting-control page colours it. */
export const qualityLevelSchema = z.enum(["good", "poor", "bad"]);
export type QualityLevel = z.infer<typeof qualityLevelSchema>;

// Huawei's APIs give packet loss in three units (quality reference §1.4): percent in the metrics
// series and thresholds, per mille in the network-quality snapshot, 0.01 % in the push frame.
export const lossFromPerMille = (perMille: number) => perMille / 10;
export const lossFromHundredths = (hundredths: number) => hundredths / 100;

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
