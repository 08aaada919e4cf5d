import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_APP_AUTH, SIMULATOR_DEFAULTS, startSimulator, type Simulator } from "@/server/simulator/server";
import { HuaweiClient } from "./client";
import type { HuaweiAuthConfig } from "./config";
import { HuaweiApiError } from "./errors";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ tickMs: 0, seed: 7 });
});
afterAll(() => sim.close());

const appId: HuaweiAuthConfig = SIMULATOR_APP_AUTH;
const client = (auth: HuaweiAuthConfig = appId) =>
  new HuaweiClient({ baseUrl: sim.url, auth, timeoutMs: 2000, maxRetries: 2, requestsPerSecond: 200 }, { backoffBaseMs: 5 });
const authCalls = () => (sim.stats.get("POST /v2/usg/acs/auth/appauth") ?? 0) + (sim.stats.get("POST /v1/usg/acs/auth/account") ?? 0);

describe("HuaweiClient against the simulator", () => {
  it("makes exactly one auth call for 100 concurrent calls on an expired token", async () => {
    const c = client();
    await c.listOnlineMeetings({ queryAll: true });
    sim.tokens.expireAll();
    const before = authCalls();
    const results = await Promise.all(Array.from({ length: 100 }, () => c.listOnlineMeetings({ queryAll: true })));
    expect(authCalls() - before).toBe(1);
    expect(results.every((r) => r.length === sim.world.ongoing.size)).toBe(true);
  });

  it("signs in with an account and password", async () => {
    const rows = await client({ kind: "account", account: SIMULATOR_DEFAULTS.account, password: SIMULATOR_DEFAULTS.password }).listOnlineMeetings({ queryAll: true });
    expect(rows).toHaveLength(sim.world.ongoing.size);
  });

  it("surfaces a wrong app key as a 401 API error", async () => {
    const error = await client({ ...appId, appKey: "wrong" }).listOnlineMeetings({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiApiError);
    expect((error as HuaweiApiError).status).toBe(401);
    expect((error as HuaweiApiError).code).toBe("USG.206010025");
  });

  it("sees as a given Huawei user with App ID auth", async () => {
    const alice = sim.world.userByAccount("alice.chen")!;
    const rows = await client().listOnlineMeetings({ huaweiUserId: "alice.chen" });
    const expected = [...sim.world.ongoing.values()].filter((m) => sim.world.canSee(alice, m, false));
    expect(rows.map((r) => r.conferenceID).sort()).toEqual(expected.map((m) => m.conferenceID).sort());
    expect(rows.length).toBeLessThan(sim.world.ongoing.size);
  });

  it("refuses per-user sign-in under account auth with a clear error", async () => {
    const c = client({ kind: "account", account: SIMULATOR_DEFAULTS.account, password: SIMULATOR_DEFAULTS.password });
    await expect(c.listOnlineMeetings({ huaweiUserId: "alice.chen" })).rejects.toThrow(/App ID authentication/);
  });

  it("pages through 1,200 ongoing meetings", async () => {
    sim.world.setOngoing(1200);
    sim.stats.clear();
    const rows = await client().listOnlineMeetings({ queryAll: true });
    expect(new Set(rows.map((r) => r.conferenceID)).size).toBe(1200);
    expect(sim.stats.get("GET /v1/mmc/management/conferences/online")).toBe(3);
    sim.world.setOngoing(24);
  });

  it("reads a meeting's detail with every invitee", async () => {
    const big = [...sim.world.ongoing.values()].sort((a, b) => b.invitees.length - a.invitees.length)[0]!;
    const { conference, invitees } = await client().meetingDetail({ queryAll: true }, big.conferenceID);
    expect(conference.conferenceID).toBe(big.conferenceID);
    expect(invitees).toHaveLength(big.invitees.length);
  });

  it("reads the history list and a large meeting's attendee records", async () => {
    const now = Date.now();
    const rows = await client().listHistory({ queryAll: true }, { startDate: now - 7 * 86_400_000, endDate: now });
    expect(rows.length).toBeGreaterThan(20);
    const starts = rows.map((r) => r.startTime!);
    expect([...starts].sort().reverse()).toEqual(starts);
    const townHall = sim.world.history.find((m) => m.subject.startsWith("Company town hall"))!;
    const records = await client().attendeeRecords({ queryAll: true }, townHall.confUUID);
    expect(records.length).toBe(townHall.sessions.length);
    expect(records.length).toBeGreaterThan(1000);
  });
});
