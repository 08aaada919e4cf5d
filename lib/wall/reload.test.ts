import { describe, expect, it } from "vitest";
import { DAILY_MS, shouldReload } from "./reload";

describe("shouldReload", () => {
  const base = { loadedVersion: "a", currentVersion: "a", loadedAt: 0, now: 60_000 };
  it("reloads for a new version, not for the same one", () => {
    expect(shouldReload(base)).toBe(false);
    expect(shouldReload({ ...base, currentVersion: "b" })).toBe(true);
  });
  it("does not reload because the server cannot be reached", () => {
    expect(shouldReload({ ...base, currentVersion: null })).toBe(false);
  });
  it("reloads once a day anyway", () => {
    expect(shouldReload({ ...base, now: DAILY_MS })).toBe(true);
  });
});
