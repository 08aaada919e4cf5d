import { describe, expect, it } from "vitest";
import { parseRotate, viewAt } from "./rotation";

describe("wall rotation", () => {
  it("reads seconds and minutes within bounds", () => {
    expect(parseRotate("30s")).toBe(30_000);
    expect(parseRotate("2m")).toBe(120_000);
    expect(parseRotate("5s")).toBeNull();
    expect(parseRotate("2h")).toBeNull();
    expect(parseRotate("soon")).toBeNull();
  });

  it("alternates the overview with each meeting in turn", () => {
    const views = [0, 1, 2, 3, 4, 5].map((i) => viewAt(i, ["a", "b"]));
    expect(views).toEqual([
      { kind: "overview", page: 0 },
      { kind: "meeting", conferenceID: "a" },
      { kind: "overview", page: 0 },
      { kind: "meeting", conferenceID: "b" },
      { kind: "overview", page: 0 },
      { kind: "meeting", conferenceID: "a" },
    ]);
    expect(viewAt(1, [])).toEqual({ kind: "overview", page: 0 });
  });

  it("pages the overview in the playlist, and pages alone when no meeting rotates in", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => viewAt(i, ["a"], 3))).toEqual([
      { kind: "overview", page: 0 },
      { kind: "meeting", conferenceID: "a" },
      { kind: "overview", page: 1 },
      { kind: "meeting", conferenceID: "a" },
      { kind: "overview", page: 2 },
      { kind: "meeting", conferenceID: "a" },
      { kind: "overview", page: 0 },
    ]);
    expect([0, 1, 2, 3].map((i) => viewAt(i, [], 3))).toEqual([0, 1, 2, 0].map((page) => ({ kind: "overview", page })));
  });
});
