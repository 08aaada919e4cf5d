import { describe, expect, it } from "vitest";
import { attentionReasons, byAttention, cannotSee, DEFAULT_THRESHOLDS, handWaitAllowed, needsSomeone, thresholdsFromEnv } from "./attention";
import type { MeetingSummary } from "./wall";

const now = Date.parse("2026-11-23T10:00:00Z");
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
const calm = { present: 20, endTime: iso(-3_600_000), oldestHandAt: null, upstream: "live" as const, hostPresent: true, health: null };

describe("attentionReasons", () => {
  it("raises nothing for a calm meeting", () => {
    expect(attentionReasons(calm, [{ at: now - 60_000, count: 21 }], DEFAULT_THRESHOLDS, now)).toEqual([]);
  });

  it("flags no host or co-host present", () => {
    expect(attentionReasons({ ...calm, hostPresent: false }, [], DEFAULT_THRESHOLDS, now)).toEqual(["no_host"]);
  });

  it("flags a hand waiting longer than the threshold in a small meeting, not one just raised", () => {
    expect(attentionReasons({ ...calm, present: 8, oldestHandAt: iso(121_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual(["hand_waiting"]);
    expect(attentionReasons({ ...calm, present: 8, oldestHandAt: iso(30_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual([]);
  });

  it("lets a hand wait longer in a bigger meeting: a town hall's queue is normal, a small meeting's waiting hand is not", () => {
    const minutes = (present: number) => handWaitAllowed(present, DEFAULT_THRESHOLDS) / 60_000;
    expect([minutes(6), minutes(10), minutes(40), minutes(250), minutes(1_000)]).toEqual([2, 2, 4, 10, 20]);
    expect(attentionReasons({ ...calm, present: 6, oldestHandAt: iso(3 * 60_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual(["hand_waiting"]);
    expect(attentionReasons({ ...calm, present: 1_000, oldestHandAt: iso(3 * 60_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual([]);
    expect(attentionReasons({ ...calm, present: 1_000, oldestHandAt: iso(21 * 60_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual(["hand_waiting"]);
  });

  it("tells a meeting that needs someone from one the dashboard cannot see", () => {
    expect(needsSomeone(["live_data_unavailable"])).toBe(false);
    expect(cannotSee(["live_data_unavailable"])).toBe(true);
    expect(needsSomeone(["live_data_stale", "no_host"])).toBe(true);
    expect(needsSomeone(["overrun"]) && !cannotSee(["overrun"])).toBe(true);
    expect(needsSomeone([]) || cannotSee([])).toBe(false);
  });

  it("flags poor quality for several people, not for one or two, nor where it is not known", () => {
    const health = (affected: number | null) => ({ audio: true, video: false, screen: false, cpu: false, affected, fetchedAt: iso(0) });
    expect(attentionReasons({ ...calm, health: health(3) }, [], DEFAULT_THRESHOLDS, now)).toEqual(["poor_quality"]);
    expect(attentionReasons({ ...calm, health: health(2) }, [], DEFAULT_THRESHOLDS, now)).toEqual([]);
    expect(attentionReasons({ ...calm, health: health(null) }, [], DEFAULT_THRESHOLDS, now)).toEqual([]);
    expect(needsSomeone(["poor_quality"])).toBe(true);
  });

  it("flags a meeting past its scheduled end", () => {
    expect(attentionReasons({ ...calm, endTime: iso(120_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual(["overrun"]);
    expect(attentionReasons({ ...calm, endTime: iso(30_000) }, [], DEFAULT_THRESHOLDS, now)).toEqual([]);
  });

  it("flags a sharp drop in head count within the window, not a small or an old one", () => {
    expect(attentionReasons({ ...calm, present: 10 }, [{ at: now - 60_000, count: 20 }], DEFAULT_THRESHOLDS, now)).toEqual(["headcount_drop"]);
    expect(attentionReasons({ ...calm, present: 17 }, [{ at: now - 60_000, count: 20 }], DEFAULT_THRESHOLDS, now)).toEqual([]);
    expect(attentionReasons({ ...calm, present: 10 }, [{ at: now - 600_000, count: 20 }], DEFAULT_THRESHOLDS, now)).toEqual([]);
    expect(attentionReasons({ ...calm, present: 2 }, [{ at: now - 60_000, count: 5 }], DEFAULT_THRESHOLDS, now)).toEqual([]);
  });

  it("flags live data that is unavailable or stale, and claims nothing it cannot know", () => {
    const unknown = { present: null, endTime: null, oldestHandAt: null, hostPresent: null, health: null };
    expect(attentionReasons({ ...unknown, upstream: "unavailable" }, [], DEFAULT_THRESHOLDS, now)).toEqual(["live_data_unavailable"]);
    expect(attentionReasons({ ...unknown, upstream: "stale" }, [{ at: now, count: 50 }], DEFAULT_THRESHOLDS, now)).toEqual(["live_data_stale"]);
  });

  it("reads its thresholds from the environment", () => {
    expect(thresholdsFromEnv({ NODE_ENV: "test", ATTENTION_HAND_WAIT_MS: "60000", ATTENTION_DROP_PERCENT: "50", ATTENTION_HAND_SCALE_PEOPLE: "25" })).toMatchObject({ handWaitMs: 60_000, handScalePeople: 25, dropShare: 0.5, dropMin: 5 });
  });

  it("sorts the most urgent first: a meeting without a host before one without live data, then the biggest", () => {
    const tile = (conferenceID: string, attention: MeetingSummary["attention"], present: number): MeetingSummary => ({
      conferenceID, subject: conferenceID, hostName: null, startTime: null, endTime: null, recording: false, invited: null, present, listedPresent: null,
      muted: null, hands: null, camera: null, oldestHandAt: null, upstream: "live", unavailableReason: null, health: null, sourceTime: 0, attention,
    });
    const sorted = [tile("calm-big", [], 900), tile("no-data", ["live_data_unavailable"], 50), tile("hostless", ["no_host"], 3), tile("calm-small", [], 4)].sort(byAttention);
    expect(sorted.map((t) => t.conferenceID)).toEqual(["hostless", "no-data", "calm-big", "calm-small"]);
  });
});
