import type { SimMeeting, SimParticipant } from "./types";

/**
 * How each person's connection goes over a meeting, as a function of time, so a still world
 * (tests freeze it) still has series, and every call agrees with every other. Most people are
 * fine; some have a network that degrades and recovers; a few laptops are CPU-bound; a few
 * people's network gets bad enough that they drop; in one meeting many suffer at once for a while.
 * A person can be forced to a level from a moment on (the /__sim surface), as a test drives it.
 */

export type NetLevel = "good" | "poor" | "bad";
export type QosMedia = "audio" | "video" | "screen";
export type Direction = "send" | "receive";

/** One sample of what Huawei's §6 series carry, in their units (ms, percent, kbit/s, fps). */
export interface MediaSample {
  latency: number;
  jitter: number;
  lossPercent: number;
  bitrate: number;
  frame: number;
  resolution: string;
}

export interface CpuSample {
  client: number;
  system: number;
}

/** Huawei keeps a point of each series about this often (not documented: an inference). */
export const SAMPLE_MS = 30_000;

type Profile = "fine" | "flaky" | "cpu" | "dropping";

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) that stays the same for the same key and sample slot. */
function noise(key: string, t: number): number {
  return hash(`${key}|${Math.floor(t / SAMPLE_MS)}`) / 4294967296;
}

export function profileOf(m: SimMeeting, p: SimParticipant): Profile {
  const roll = hash(`${m.confUUID}|${p.pid}`) % 100;
  return roll < 90 ? "fine" : roll < 96 ? "flaky" : roll < 99 ? "cpu" : "dropping";
}

/** The one meeting of the world where many suffer at once: from 10 to 40 minutes after it started. */
export function inIncident(m: SimMeeting, t: number): boolean {
  return m.qualityIncident === true && t >= m.startedAt + 10 * 60_000 && t < m.startedAt + 40 * 60_000;
}

export function levelAt(m: SimMeeting, p: SimParticipant, t: number): NetLevel {
  if (p.network && t >= p.network.since) return p.network.level;
  if (inIncident(m, t)) return hash(`${p.pid}|incident`) % 10 < 6 ? "bad" : "poor";
  const profile = profileOf(m, p);
  if (profile === "flaky") {
    // Four minutes of trouble in every thirty, two of them bad, at a phase of its own.
    const phase = (t + (hash(p.pid) % 1_800_000)) % 1_800_000;
    return phase < 240_000 ? (phase < 120_000 ? "poor" : "bad") : "good";
  }
  if (profile === "dropping") return t - p.joinedAt > 8 * 60_000 ? "bad" : "poor";
  return "good";
}

const RANGES: Record<NetLevel, { latency: [number, number]; jitter: [number, number]; loss: [number, number] }> = {
  good: { latency: [20, 90], jitter: [1, 18], loss: [0, 1] },
  poor: { latency: [200, 420], jitter: [40, 120], loss: [3, 9] },
  bad: { latency: [500, 1500], jitter: [120, 900], loss: [10, 60] },
};
/** The most a good connection ever shows: thresholds at or above these never alarm on one. */
export const GOOD_MAX = { latency: RANGES.good.latency[1], jitter: RANGES.good.jitter[1], lossPercent: RANGES.good.loss[1] };
/** The most a CPU that is not busy ever shows. */
export const IDLE_CPU_MAX = { client: 35, system: 55 };

const BITRATE: Record<QosMedia, [number, number]> = { audio: [24, 64], video: [600, 2000], screen: [300, 1200] };

const within = ([lo, hi]: [number, number], n: number) => Math.round(lo + (hi - lo) * n);

export function mediaSample(m: SimMeeting, p: SimParticipant, media: QosMedia, direction: Direction, t: number): MediaSample {
  const level = levelAt(m, p, t);
  const key = `${p.pid}|${media}|${direction}`;
  const r = RANGES[level];
  // Trouble cuts the bitrate and the frame rate too.
  const squeeze = level === "good" ? 1 : level === "poor" ? 0.6 : 0.3;
  return {
    latency: within(r.latency, noise(`${key}|l`, t)),
    jitter: within(r.jitter, noise(`${key}|j`, t)),
    lossPercent: within(r.loss, noise(`${key}|p`, t)),
    bitrate: Math.round(within(BITRATE[media], noise(`${key}|b`, t)) * squeeze),
    frame: media === "audio" ? 0 : Math.max(1, Math.round((media === "video" ? 25 : 10) * squeeze)),
    resolution: media === "audio" ? "" : level === "bad" ? "640*360" : "1280*720",
  };
}

export function cpuSample(m: SimMeeting, p: SimParticipant, t: number): CpuSample {
  const busy = profileOf(m, p) === "cpu";
  return {
    client: within(busy ? [70, 99] : [8, IDLE_CPU_MAX.client], noise(`${p.pid}|cpu-c`, t)),
    system: within(busy ? [85, 100] : [20, IDLE_CPU_MAX.system], noise(`${p.pid}|cpu-s`, t)),
  };
}

/** The sample times of a person's series: every SAMPLE_MS from joining until `until`. */
export function sampleTimes(joinedAt: number, until: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(joinedAt / SAMPLE_MS) * SAMPLE_MS; t <= until; t += SAMPLE_MS) out.push(t);
  return out;
}
