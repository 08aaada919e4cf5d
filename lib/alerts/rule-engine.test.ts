import { describe, expect, it } from "vitest";
import type { Rule } from "./alert-schemas";
import { RuleEngine, type MeetingFacts, type Transition } from "./rule-engine";
import { inWorkingHours } from "./working-hours";

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: "r1",
  reason: "no_host",
  channelIds: ["c1"],
  name: "no host",
  scope: {},
  threshold: null,
  windowMs: 0,
  windowMode: "continuous",
  waitMs: 600_000,
  recoveryMs: 0,
  notifyRecovery: true,
  workingHours: null,
  severity: "critical",
  owner: "admin",
  ownerRole: "admin",
  ownerUserUUID: null,
  enabled: true,
  createdAt: "2026-12-01T00:00:00.000Z",
  ...over,
});

const meeting = (over: Partial<MeetingFacts> = {}): MeetingFacts => ({
  conferenceID: "m1",
  subject: "Board",
  hostName: "Ann",
  hostUserUUID: "u-ann",
  department: "Finance",
  startTime: 0,
  endTime: null,
  watch: "live",
  attention: [],
  present: 5,
  hostPresent: true,
  oldestHandAt: null,
  affected: 0,
  people: [
    { pid: "a", name: "Ann" },
    { pid: "b", name: "Bo" },
  ],
  ...over,
});

/** Runs the engine over (time, facts) steps, applying fires as the evaluator would; returns each step's transitions. */
function run(engine: RuleEngine, rules: Rule[], steps: [number, Partial<MeetingFacts> | null][]): Transition[][] {
  return steps.map(([at, facts]) => {
    const out = engine.evaluate(rules, facts ? [meeting(facts)] : [], at);
    for (const t of out) {
      if (t.type === "fire") {
        engine.fired(t.rule.id, t.meeting.conferenceID, `alert-${at}`);
        if (t.notify) engine.noted(t.rule.id, t.meeting.conferenceID, at);
      }
      if (t.type === "remind") engine.noted(t.rule.id, t.meeting.conferenceID, at);
    }
    return out;
  });
}

const types = (steps: Transition[][]) => steps.map((s) => s.map((t) => t.type).join(",") || "-");

describe("rule windows, waiting periods and recovery", () => {
  it("fires at once with no window, once only while it holds, and recovers when it clears", () => {
    const steps = run(new RuleEngine(), [rule()], [
      [0, { hostPresent: false }],
      [1_000, { hostPresent: false }],
      [2_000, { hostPresent: true }],
    ]);
    expect(types(steps)).toEqual(["fire", "-", "recover"]);
  });

  it("continuous window: a break starts the count again", () => {
    const steps = run(new RuleEngine(), [rule({ windowMs: 3_000 })], [
      [0, { hostPresent: false }],
      [2_000, { hostPresent: false }],
      [2_500, { hostPresent: true }],
      [3_000, { hostPresent: false }],
      [5_000, { hostPresent: false }],
      [6_000, { hostPresent: false }],
    ]);
    expect(types(steps)).toEqual(["-", "-", "-", "-", "-", "fire"]);
  });

  it("accumulated window: time held adds up across breaks", () => {
    const steps = run(new RuleEngine(), [rule({ windowMs: 3_000, windowMode: "accumulated" })], [
      [0, { hostPresent: false }],
      [2_000, { hostPresent: false }],
      [2_500, { hostPresent: true }],
      [3_000, { hostPresent: false }],
      [4_000, { hostPresent: false }],
    ]);
    expect(types(steps)).toEqual(["-", "-", "-", "-", "fire"]);
  });

  it("recovery waits out its hysteresis: a flap within recoveryMs does not recover or fire again", () => {
    const steps = run(new RuleEngine(), [rule({ recoveryMs: 5_000 })], [
      [0, { hostPresent: false }],
      [1_000, { hostPresent: true }],
      [3_000, { hostPresent: false }],
      [4_000, { hostPresent: true }],
      [8_000, { hostPresent: true }],
      [9_000, { hostPresent: true }],
    ]);
    expect(types(steps)).toEqual(["fire", "-", "-", "-", "-", "recover"]);
  });

  it("waiting period: a reminder only after waitMs, and a new firing within it is recorded but not told", () => {
    const engine = new RuleEngine();
    const steps = run(engine, [rule({ waitMs: 10_000 })], [
      [0, { hostPresent: false }],
      [5_000, { hostPresent: false }],
      [10_000, { hostPresent: false }],
      [11_000, { hostPresent: true }],
      [12_000, { hostPresent: false }],
    ]);
    expect(types(steps)).toEqual(["fire", "-", "remind", "recover", "fire"]);
    expect(steps[4]![0]).toMatchObject({ type: "fire", notify: false });
  });

  it("changes nothing while the meeting cannot be seen, and recovers an open alert when the meeting ends", () => {
    const steps = run(new RuleEngine(), [rule()], [
      [0, { hostPresent: false }],
      [1_000, { watch: "stale", hostPresent: null }],
      [2_000, null],
    ]);
    expect(types(steps)).toEqual(["fire", "-", "recover"]);
    expect(steps[2]![0]).toMatchObject({ type: "recover", ended: true });
  });

  it("takes over open alerts: nothing fires twice after a failover", () => {
    const engine = new RuleEngine();
    engine.resume([{ id: "old", ruleId: "r1", conferenceID: "m1", since: 0, lastNotifiedAt: 0 }]);
    expect(types(run(engine, [rule()], [[1_000, { hostPresent: false }]]))).toEqual(["-"]);
  });

  it("quorum: someone leaving fires with their name; their return recovers", () => {
    const steps = run(new RuleEngine(), [rule({ reason: "quorum_leave" })], [
      [0, {}],
      [1_000, { people: [{ pid: "a", name: "Ann" }] }],
      [2_000, { people: [{ pid: "a", name: "Ann" }, { pid: "b", name: "Bo" }] }],
    ]);
    expect(types(steps)).toEqual(["-", "fire", "recover"]);
    expect(steps[1]![0]).toMatchObject({ type: "fire", detail: { key: "left", values: { names: "Bo" } } });
  });

  it("below a head count, with the count in the detail", () => {
    const [[t]] = run(new RuleEngine(), [rule({ reason: "below_headcount", threshold: 10 })], [[0, { present: 4 }]]) as [[Transition]];
    expect(t).toMatchObject({ type: "fire", detail: { key: "belowHeadcount", values: { present: 4, threshold: 10 } } });
  });

  it("started without its host: only for meetings watched from their start, after the threshold", () => {
    const r = rule({ reason: "started_without_host", threshold: 60_000 });
    expect(types(run(new RuleEngine(), [r], [[10_000, { hostPresent: false }], [70_000, { hostPresent: false }]]))).toEqual(["-", "fire"]);
    // Watched from 10 minutes in: the host may have come and gone before; nothing is claimed.
    expect(types(run(new RuleEngine(), [r], [[600_000, { hostPresent: false }], [700_000, { hostPresent: false }]]))).toEqual(["-", "-"]);
  });

  it("scope: IDs, hosts, departments and subject patterns; a host's rule only their own meetings", () => {
    const fires = (r: Rule) => run(new RuleEngine(), [r], [[0, { hostPresent: false }]])[0]!.length === 1;
    expect(fires(rule({ scope: { subjects: ["bo*"] } }))).toBe(true);
    expect(fires(rule({ scope: { subjects: ["*town hall*"] } }))).toBe(false);
    expect(fires(rule({ scope: { departments: ["finance"] } }))).toBe(true);
    expect(fires(rule({ scope: { hosts: ["Someone Else"], conferenceIds: ["m1"] } }))).toBe(true);
    expect(fires(rule({ ownerRole: "host", ownerUserUUID: "u-ann" }))).toBe(true);
    expect(fires(rule({ ownerRole: "host", ownerUserUUID: "u-bo" }))).toBe(false);
  });

  it("working hours: fires out of hours without telling, and tells when the hours begin", () => {
    // 2026-12-07 is a Monday; 08:00 and 09:30 in Shanghai are 00:00 and 01:30 UTC.
    const hours = { timeZone: "Asia/Shanghai", days: [1, 2, 3, 4, 5], from: "09:00", to: "18:00" };
    const at = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00+08:00`);
    const steps = run(new RuleEngine(), [rule({ workingHours: hours })], [
      [at("08:00"), { hostPresent: false }],
      [at("09:30"), { hostPresent: false }],
    ]);
    expect(types(steps)).toEqual(["fire", "remind"]);
    expect(steps[0]![0]).toMatchObject({ type: "fire", notify: false });
  });
});

describe("working hours", () => {
  it("weekdays, and a night shift past midnight belonging to the day it starts", () => {
    const day = { timeZone: "Asia/Shanghai", days: [1, 2, 3, 4, 5], from: "09:00", to: "18:00" };
    expect(inWorkingHours(day, Date.parse("2026-12-07T10:00:00+08:00"))).toBe(true);
    expect(inWorkingHours(day, Date.parse("2026-12-06T10:00:00+08:00"))).toBe(false); // Sunday
    expect(inWorkingHours(day, Date.parse("2026-12-07T18:00:00+08:00"))).toBe(false);
    const night = { timeZone: "Europe/Berlin", days: [5], from: "22:00", to: "06:00" };
    expect(inWorkingHours(night, Date.parse("2026-12-04T23:00:00+01:00"))).toBe(true); // Friday evening
    expect(inWorkingHours(night, Date.parse("2026-12-05T05:00:00+01:00"))).toBe(true); // Saturday early: Friday's shift
    expect(inWorkingHours(night, Date.parse("2026-12-06T05:00:00+01:00"))).toBe(false);
  });
});
