import { envInt } from "@/lib/env-number";
import type { AttentionReason, MeetingSummary } from "./wall";

export interface AttentionThresholds {
  /** A hand up longer than this needs someone, in a meeting of up to `handScalePeople` ... */
  handWaitMs: number;
  /** ... and longer in a bigger one, by the square root of how many times bigger it is (see handWaitAllowed). */
  handScalePeople: number;
  /** A meeting this long past its scheduled end is overrunning (Huawei gives the end to the minute). */
  overrunGraceMs: number;
  /** A drop of at least this share of the people present ... */
  dropShare: number;
  /** ... and at least this many people ... */
  dropMin: number;
  /** ... within this long is a sharp drop. */
  dropWindowMs: number;
  /** This many people with a quality alarm in a meeting need someone to look. */
  qualityPeople: number;
}

export const DEFAULT_THRESHOLDS: AttentionThresholds = { handWaitMs: 120_000, handScalePeople: 10, overrunGraceMs: 60_000, dropShare: 0.3, dropMin: 5, dropWindowMs: 120_000, qualityPeople: 3 };

export function thresholdsFromEnv(env: NodeJS.ProcessEnv): AttentionThresholds {
  return {
    handWaitMs: envInt(env, "ATTENTION_HAND_WAIT_MS", DEFAULT_THRESHOLDS.handWaitMs),
    handScalePeople: envInt(env, "ATTENTION_HAND_SCALE_PEOPLE", DEFAULT_THRESHOLDS.handScalePeople),
    overrunGraceMs: envInt(env, "ATTENTION_OVERRUN_GRACE_MS", DEFAULT_THRESHOLDS.overrunGraceMs),
    dropShare: envInt(env, "ATTENTION_DROP_PERCENT", DEFAULT_THRESHOLDS.dropShare * 100) / 100,
    dropMin: envInt(env, "ATTENTION_DROP_MIN", DEFAULT_THRESHOLDS.dropMin),
    dropWindowMs: envInt(env, "ATTENTION_DROP_WINDOW_MS", DEFAULT_THRESHOLDS.dropWindowMs),
    qualityPeople: envInt(env, "ATTENTION_QUALITY_PEOPLE", DEFAULT_THRESHOLDS.qualityPeople),
  };
}

/** Head counts over time, to see a sharp drop. */
export interface CountSample {
  at: number;
  count: number;
}

type Facts = Pick<MeetingSummary, "present" | "endTime" | "oldestHandAt" | "upstream" | "health"> & { hostPresent: boolean | null };

/**
 * What needs attention in a meeting now: no host or co-host present, a hand waiting too long,
 * running past its scheduled end, a sharp drop in head count, poor quality for several people,
 * live data unavailable or stale.
 * Facts that are not known (no live data) raise nothing but the missing data itself.
 */
export function attentionReasons(m: Facts, samples: readonly CountSample[], t: AttentionThresholds, now: number): AttentionReason[] {
  const out: AttentionReason[] = [];
  if (m.upstream === "unavailable") out.push("live_data_unavailable");
  if (m.upstream === "stale") out.push("live_data_stale");
  if (m.hostPresent === false) out.push("no_host");
  if (m.oldestHandAt && now - Date.parse(m.oldestHandAt) > handWaitAllowed(m.present, t)) out.push("hand_waiting");
  if (m.endTime && now > Date.parse(m.endTime) + t.overrunGraceMs) out.push("overrun");
  if (m.present !== null && sharpDrop(samples, m.present, t, now)) out.push("headcount_drop");
  if ((m.health?.affected ?? 0) >= t.qualityPeople) out.push("poor_quality");
  return out;
}

/**
 * How long a hand may wait before it needs someone: a queue of hands in a town hall is normal, a
 * hand waiting in a six-person meeting is not. With the defaults: 2 minutes up to 10 people, 4 at
 * 40, 10 at 250, 20 at 1,000.
 */
export function handWaitAllowed(present: number | null, t: AttentionThresholds): number {
  return t.handWaitMs * Math.max(1, Math.sqrt((present ?? 0) / t.handScalePeople));
}

/** Reasons that need a person to act, against those that only say the dashboard cannot see the meeting. */
const BLIND: ReadonlySet<AttentionReason> = new Set(["live_data_unavailable", "live_data_stale"]);

/** Whether a meeting needs someone (no host, a hand waiting, overrun, a sharp drop): the figure every page counts. */
export function needsSomeone(reasons: readonly AttentionReason[]): boolean {
  return reasons.some((r) => !BLIND.has(r));
}

/** Whether the dashboard cannot see a meeting as it is now (no live data, or stale). */
export function cannotSee(reasons: readonly AttentionReason[]): boolean {
  return reasons.some((r) => BLIND.has(r));
}

function sharpDrop(samples: readonly CountSample[], present: number, t: AttentionThresholds, now: number): boolean {
  const recent = samples.filter((s) => now - s.at <= t.dropWindowMs);
  if (!recent.length) return false;
  const peak = Math.max(...recent.map((s) => s.count));
  const lost = peak - present;
  return lost >= t.dropMin && lost >= peak * t.dropShare;
}

/** How urgent each reason is for whoever watches the wall: people waiting or leaving first, what the dashboard cannot see last. */
const SEVERITY: Record<AttentionReason, number> = {
  no_host: 6,
  headcount_drop: 5,
  hand_waiting: 4,
  poor_quality: 3,
  overrun: 3,
  live_data_stale: 2,
  live_data_unavailable: 1,
};

const weight = (m: MeetingSummary) => m.attention.reduce((sum, r) => sum + 10 ** SEVERITY[r], 0);

/** Attention first (the most urgent reasons first), then the biggest meetings. */
export function byAttention(a: MeetingSummary, b: MeetingSummary): number {
  return weight(b) - weight(a) || (b.present ?? b.listedPresent ?? 0) - (a.present ?? a.listedPresent ?? 0) || a.subject.localeCompare(b.subject);
}
