import { describe, expect, it } from "vitest";
import { chartSeries, gapsOf, SEAM_MS, seriesOf, stateAt, type TimedChange } from "./replay-state";

const T = Date.UTC(2026, 11, 4, 10, 0, 0);
const ev = (sec: number, pid: string, field: string, value: TimedChange["value"], name = pid): TimedChange => ({ at: T + sec * 1000, pid, name, field, value });

describe("the state at an instant", () => {
  const log = [
    ev(0, "a", "present", true, "Ann"),
    ev(0, "a", "role", "host", "Ann"),
    ev(0, "a", "muted", false, "Ann"),
    ev(0, "b", "present", true, "Bo"),
    ev(0, "b", "role", "participant", "Bo"),
    ev(0, "b", "handRaised", false, "Bo"),
    ev(60, "b", "handRaised", true, "Bo"),
    ev(90, "a", "muted", true, "Ann"),
    ev(120, "b", "handRaised", false, "Bo"),
    ev(150, "a", "present", false, "Ann"),
  ];

  it("holds each person's latest value up to the instant, and how long a hand has been up", () => {
    expect(stateAt(log, T + 30_000).participants).toEqual([
      { pid: "a", name: "Ann", role: "host", muted: false, handRaised: null, camera: null, sharing: null, speaking: null, quality: null },
      { pid: "b", name: "Bo", role: "participant", muted: null, handRaised: false, camera: null, sharing: null, speaking: null, quality: null },
    ]);
    const at100 = stateAt(log, T + 100_000).participants;
    expect(at100.find((p) => p.pid === "a")!.muted).toBe(true);
    expect(at100.find((p) => p.pid === "b")).toMatchObject({ handRaised: true, handRaisedSince: new Date(T + 60_000).toISOString() });
    expect(stateAt(log, T + 130_000).participants.find((p) => p.pid === "b")!.handRaisedSince).toBeUndefined();
  });

  it("knows who was speaking, their connection's mark and the lock, from when the log says", () => {
    const more = [...log, ev(10, "b", "speaking", true), ev(20, "b", "quality", "poor"), ev(30, "", "locked", true), ev(40, "b", "speaking", false), ev(50, "b", "quality", "rubbish")].sort((x, y) => x.at - y.at);
    expect(stateAt(more, T + 5_000).locked).toBeNull();
    expect(stateAt(more, T + 25_000).participants.find((p) => p.pid === "b")).toMatchObject({ speaking: true, quality: "poor" });
    const later = stateAt(more, T + 45_000);
    expect(later.locked).toBe(true);
    expect(later.participants.find((p) => p.pid === "b")).toMatchObject({ speaking: false, quality: "poor" });
    // A mark the dashboard does not know is not shown as one it does.
    expect(stateAt(more, T + 55_000).participants.find((p) => p.pid === "b")!.quality).toBeNull();
    // The lock is the meeting's, not a person's.
    expect(later.participants.map((p) => p.pid)).toEqual(["a", "b"]);
  });

  it("drops whoever left, and knows nobody before the log begins", () => {
    expect(stateAt(log, T + 200_000).participants.map((p) => p.pid)).toEqual(["b"]);
    expect(stateAt(log, T - 1)).toEqual({ participants: [], locked: null });
  });
});

describe("the chart beneath", () => {
  it("counts who is present, hands up, who is unmuted and who is speaking after each change", () => {
    const log = [
      ev(0, "a", "present", true),
      ev(0, "a", "muted", false),
      ev(0, "b", "present", true),
      ev(5, "a", "speaking", true),
      ev(10, "b", "handRaised", true),
      ev(20, "a", "present", false),
    ];
    expect(seriesOf(log)).toEqual([
      { at: T, present: 2, hands: 0, unmuted: 1, speaking: 0 },
      { at: T + 5_000, present: 2, hands: 0, unmuted: 1, speaking: 1 },
      { at: T + 10_000, present: 2, hands: 1, unmuted: 1, speaking: 1 },
      // Whoever leaves stops speaking and is no longer unmuted.
      { at: T + 20_000, present: 1, hands: 1, unmuted: 0, speaking: 0 },
    ]);
    expect(seriesOf(log, 2)).toHaveLength(2);
  });
});

describe("the chart's gaps", () => {
  const point = (sec: number, present: number, hands = 0) => ({ at: T + sec * 1000, present, hands, unmuted: 0, speaking: 0 });
  it("are not drawn as silence: the head count from the records inside them, the rest left out, the lines going on after", () => {
    const live = [point(0, 5, 1), point(10, 6, 2), point(40, 4, 1)];
    const gaps = [{ from: T + 20_000, to: T + 30_000 }];
    expect(chartSeries(live, gaps, [point(0, 5), point(25, 7)])).toEqual([
      point(0, 5, 1),
      point(10, 6, 2),
      { at: T + 20_000, present: 5, hands: null, unmuted: null, speaking: null },
      { at: T + 25_000, present: 7, hands: null, unmuted: null, speaking: null },
      // Watching resumed: what the log knew then.
      { ...point(10, 6, 2), at: T + 30_000 },
      point(40, 4, 1),
    ]);
    // No records (a meeting going on): nothing drawn inside the gap.
    expect(chartSeries(live, gaps, [])[2]).toEqual({ at: T + 20_000, present: null, hands: null, unmuted: null, speaking: null });
    // A gap from the start, until watching began with the state as found.
    expect(chartSeries([point(30, 8)], [{ from: T, to: T + 30_000 }], [])).toEqual([{ at: T, present: null, hands: null, unmuted: null, speaking: null }, point(30, 8)]);
  });
});

describe("gaps", () => {
  it("are what no span covers, seams of a few seconds aside", () => {
    const spans = [
      { fromAt: T + 60_000, toAt: T + 300_000 },
      { fromAt: T + 300_000 + SEAM_MS - 1, toAt: T + 600_000 },
      { fromAt: T + 900_000, toAt: T + 1_200_000 },
    ];
    expect(gapsOf(spans, T, T + 1_200_000)).toEqual([
      { from: T, to: T + 60_000 },
      { from: T + 600_000, to: T + 900_000 },
    ]);
    expect(gapsOf([{ fromAt: T, toAt: T + 1_000 }], T, T + 10_000)).toEqual([{ from: T + 1_000, to: T + 10_000 }]);
    expect(gapsOf([{ fromAt: T - 5, toAt: T + 20_000 }], T, T + 10_000)).toEqual([]);
  });
});
