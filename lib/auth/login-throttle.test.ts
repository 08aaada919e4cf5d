import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

const limits = { perAddress: 30, perAddressAndUser: 10, perUser: 20, windowMs: 60_000, trustMs: 3_600_000 };

function fail(throttle: LoginThrottle, user: string, address: string, times: number, now = 0): void {
  for (let i = 0; i < times; i++) {
    const attempt = throttle.begin(user, address, now);
    if (!attempt.ok) throw new Error(`refused at attempt ${i + 1}`);
    attempt.done(false);
  }
}

describe("LoginThrottle", () => {
  it("counts an attempt when it begins: of 40 sent at once, only 10 are checked", () => {
    const throttle = new LoginThrottle(limits);
    const attempts = Array.from({ length: 40 }, () => throttle.begin("alice", "10.0.0.9", 0));
    expect(attempts.filter((a) => a.ok)).toHaveLength(10);
    const refused = attempts.find((a) => !a.ok);
    expect(refused && !refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
  });

  it("refuses one address after its wrong passwords, not the user at another address", () => {
    const throttle = new LoginThrottle(limits);
    fail(throttle, "alice", "198.51.100.7", 10);
    expect(throttle.begin("alice", "198.51.100.7", 1_000).ok).toBe(false);
    expect(throttle.begin("alice", "192.0.2.10", 1_000).ok).toBe(true);
  });

  it("refuses an address that tries many usernames", () => {
    const throttle = new LoginThrottle(limits);
    for (let i = 0; i < 30; i++) fail(throttle, `user${i}`, "198.51.100.7", 1);
    expect(throttle.begin("someone-else", "198.51.100.7", 1_000).ok).toBe(false);
  });

  it("under a spread-out attack on one user, still lets them in from where they signed in before", () => {
    const throttle = new LoginThrottle(limits);
    const home = throttle.begin("alice", "192.0.2.10", 0);
    if (!home.ok) throw new Error("refused");
    home.done(true);
    for (let i = 0; i < 20; i++) fail(throttle, "alice", `203.0.113.${i}`, 1);
    expect(throttle.begin("alice", "203.0.113.200", 1_000).ok).toBe(false);
    expect(throttle.begin("alice", "192.0.2.10", 1_000).ok).toBe(true);
  });

  it("lets an address try again once the window has passed", () => {
    const throttle = new LoginThrottle(limits);
    fail(throttle, "alice", "198.51.100.7", 10, 0);
    const refused = throttle.begin("alice", "198.51.100.7", 30_000);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterMs).toBe(30_000);
    expect(throttle.begin("alice", "198.51.100.7", 61_000).ok).toBe(true);
  });

  it("does not let a sign-in to one's own account wipe the address's failures against others", () => {
    const throttle = new LoginThrottle(limits);
    for (let i = 0; i < 29; i++) fail(throttle, `victim${i}`, "198.51.100.9", 1);
    const own = throttle.begin("mallory", "198.51.100.9", 0);
    if (!own.ok) throw new Error("refused");
    own.done(true);
    fail(throttle, "victim29", "198.51.100.9", 1);
    expect(throttle.begin("victim30", "198.51.100.9", 1_000).ok).toBe(false);
  });
});

