import { describe, expect, it } from "vitest";
import { SubscriptionLimits } from "./subscription-limits";

describe("SubscriptionLimits", () => {
  it("lets a burst through, then refills at its rate", () => {
    const limits = new SubscriptionLimits({ perSocket: 20, meetingsPerUser: 50, burst: 3, refillPerSecond: 1 });
    expect([0, 0, 0].map(() => limits.spend("s", "ann", 0))).toEqual([undefined, undefined, undefined]);
    expect(limits.spend("s", "ann", 0)?.code).toBe("rate_limited");
    expect(limits.spend("s", "ann", 999)?.code).toBe("rate_limited");
    expect(limits.spend("s", "ann", 2_000)).toBeUndefined();
    // Another socket has its own allowance.
    expect(limits.spend("t", "ann", 2_000)).toBeUndefined();
  });

  it("limits one user over all their sockets to ten sockets' worth, and forgets them when they leave", () => {
    const limits = new SubscriptionLimits({ perSocket: 20, meetingsPerUser: 50, burst: 3, refillPerSecond: 0.001 });
    const spendAll = (user: string, sockets: number) =>
      Array.from({ length: sockets }, (_, s) => Array.from({ length: 3 }, () => limits.spend(`${user}-${s}`, user, 0))).flat();
    for (let s = 0; s < 12; s++) limits.connected("flooder");
    const answers = spendAll("flooder", 12);
    expect(answers.filter((a) => a === undefined)).toHaveLength(30);
    expect(answers.filter((a) => a?.code === "rate_limited")).toHaveLength(6);
    // Someone else is not held back by it.
    limits.connected("bob");
    expect(limits.spend("bob-0", "bob", 0)).toBeUndefined();
    for (let s = 0; s < 12; s++) limits.forgetSocket(`flooder-${s}`, "flooder");
    limits.connected("flooder");
    expect(limits.spend("flooder-new", "flooder", 0)).toBeUndefined();
  });

  it("caps the topics of one socket and the meetings of one user across sockets", () => {
    const limits = new SubscriptionLimits({ perSocket: 2, meetingsPerUser: 2, burst: 100, refillPerSecond: 1 });
    expect(limits.mayFollow("ann", "meeting:1", 2)?.code).toBe("too_many_subscriptions");
    limits.followed("ann", "meeting:1");
    limits.followed("ann", "meeting:2");
    expect(limits.mayFollow("ann", "meeting:3", 0)?.code).toBe("too_many_subscriptions");
    // A meeting already followed (in another tab), the list, and another user are not held back.
    expect(limits.mayFollow("ann", "meeting:2", 0)).toBeUndefined();
    expect(limits.mayFollow("ann", "meetings:admin", 0)).toBeUndefined();
    expect(limits.mayFollow("bob", "meeting:3", 0)).toBeUndefined();
    limits.unfollowed("ann", "meeting:1");
    expect(limits.mayFollow("ann", "meeting:3", 0)).toBeUndefined();
  });

  it("counts a meeting followed from two tabs until both let go", () => {
    const limits = new SubscriptionLimits({ perSocket: 5, meetingsPerUser: 1, burst: 100, refillPerSecond: 1 });
    limits.followed("ann", "meeting:1");
    limits.followed("ann", "meeting:1");
    limits.unfollowed("ann", "meeting:1");
    expect(limits.mayFollow("ann", "meeting:2", 0)?.code).toBe("too_many_subscriptions");
    limits.unfollowed("ann", "meeting:1");
    expect(limits.mayFollow("ann", "meeting:2", 0)).toBeUndefined();
  });
});
