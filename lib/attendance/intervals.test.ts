import { describe, expect, it } from "vitest";
import { concurrencySeries, exclusiveLengths, median, peakConcurrency, totalLength, unionIntervals } from "./intervals";

const iv = (start: number, end: number) => ({ start, end });

describe("unionIntervals and totalLength", () => {
  it("merges overlapping sessions", () => {
    expect(unionIntervals([iv(0, 10), iv(5, 20)])).toEqual([iv(0, 20)]);
    expect(totalLength([iv(0, 10), iv(5, 20)])).toBe(20);
  });

  it("counts identical sessions (two devices, same times) once", () => {
    expect(totalLength([iv(100, 200), iv(100, 200), iv(100, 200)])).toBe(100);
  });

  it("adds disjoint sessions (a rejoin after a gap)", () => {
    expect(unionIntervals([iv(30, 40), iv(0, 10)])).toEqual([iv(0, 10), iv(30, 40)]);
    expect(totalLength([iv(0, 10), iv(30, 40)])).toBe(20);
  });

  it("joins sessions that touch", () => {
    expect(unionIntervals([iv(0, 10), iv(10, 20)])).toEqual([iv(0, 20)]);
  });

  it("ignores zero-length and reversed sessions", () => {
    expect(totalLength([iv(5, 5), iv(9, 3)])).toBe(0);
    expect(totalLength([iv(5, 5), iv(0, 4)])).toBe(4);
  });

  it("keeps a session that contains another", () => {
    expect(totalLength([iv(0, 100), iv(10, 20), iv(30, 40)])).toBe(100);
  });

  it("does not change its input", () => {
    const input = [iv(0, 10), iv(5, 20)];
    unionIntervals(input);
    expect(input).toEqual([iv(0, 10), iv(5, 20)]);
  });
});

describe("peakConcurrency", () => {
  it("counts a person on two devices once", () => {
    expect(peakConcurrency([[iv(0, 10), iv(2, 8)], [iv(5, 15)]])).toEqual({ peak: 2, at: 5 });
  });

  it("counts a leave before a join at the same instant", () => {
    expect(peakConcurrency([[iv(0, 10)], [iv(10, 20)]])).toEqual({ peak: 1, at: 0 });
  });

  it("finds the first moment of the peak", () => {
    expect(peakConcurrency([[iv(0, 100)], [iv(10, 20)], [iv(15, 30)], [iv(50, 60)]])).toEqual({ peak: 3, at: 15 });
  });

  it("is zero with nobody or only zero-length sessions", () => {
    expect(peakConcurrency([])).toEqual({ peak: 0, at: null });
    expect(peakConcurrency([[iv(3, 3)]])).toEqual({ peak: 0, at: null });
  });
});

describe("concurrencySeries", () => {
  it("samples presence at evenly spaced instants, end exclusive", () => {
    const series = concurrencySeries([[iv(0, 50)], [iv(25, 100)], [iv(0, 10), iv(5, 30)]], 0, 100, 5);
    expect(series).toEqual([
      { t: 0, count: 2 },
      { t: 25, count: 3 },
      { t: 50, count: 1 },
      { t: 75, count: 1 },
      { t: 100, count: 0 },
    ]);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("exclusiveLengths", () => {
  it("gives each session what earlier ones did not cover, summing to the union", () => {
    const sessions = [
      { start: 30, end: 50 },
      { start: 0, end: 40 },
      { start: 40, end: 45 },
      { start: 60, end: 70 },
      { start: 10, end: 5 },
    ];
    expect(exclusiveLengths(sessions)).toEqual([10, 40, 0, 10, 0]);
    expect(exclusiveLengths(sessions).reduce((a, b) => a + b, 0)).toBe(totalLength(sessions));
  });

  it("counts two identical sessions once, the first in the list", () => {
    expect(exclusiveLengths([{ start: 0, end: 10 }, { start: 0, end: 10 }])).toEqual([10, 0]);
  });
});
