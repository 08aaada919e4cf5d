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

  it("counts attempts being checked: of 20 sent at once with room for 5, only 5 are tried", () => {
    const t = new FailureThrottle(5, 60_000);
    const attempts = Array.from({ length: 20 }, () => t.begin("ann|123"));
    const taken = attempts.filter((a) => a.ok);
    expect(taken).toHaveLength(5);
    for (const a of taken) if (a.ok) a.done(false);
    const refused = t.begin("ann|123");
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeGreaterThan(58_000);
    expect(refused.ok ? Infinity : refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    // Another person or meeting is not held back.
    expect(t.begin("bob|123").ok).toBe(true);
  });

  it("gives the place back when the check itself failed, without counting a wrong guess", () => {
    const t = new FailureThrottle(1, 60_000);
    const first = t.begin("ann|123", 0);
    expect(t.begin("ann|123", 0).ok).toBe(false);
    if (first.ok) first.done(undefined);
    const second = t.begin("ann|123", 0);
    expect(second.ok).toBe(true);
    if (second.ok) second.done(true);
    expect(t.retryAfterMs("ann|123", 0)).toBe(0);
  });
});
