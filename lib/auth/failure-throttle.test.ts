import { describe, expect, it } from "vitest";
import { FailureThrottle } from "./failure-throttle";

describe("FailureThrottle", () => {
  it("refuses a username after too many failures until the window has passed", () => {
    const t = new FailureThrottle(3, 60_000);
    t.failed("Bob", 0);
    t.failed("bob", 1_000);
    expect(t.retryAfterMs("bob", 2_000)).toBe(0);
    t.failed("bob", 2_000);
    expect(t.retryAfterMs("BOB", 3_000)).toBe(57_000);
    expect(t.retryAfterMs("alice", 3_000)).toBe(0);
  });

  it("forgets failures after a success", () => {
    const t = new FailureThrottle(2, 60_000);
    t.failed("bob", 0);
    t.succeeded("bob");
    t.failed("bob", 1);
    expect(t.retryAfterMs("bob", 2)).toBe(0);
  });
});
