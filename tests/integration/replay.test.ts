import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplayEventsResponse, ReplayResponse } from "@/lib/domain/replay";
import type { SimMeeting } from "@/server/simulator/world";
import { Browser, startDashboard, startStack, type Stack } from "./dashboard";
import { eventually, OpenClients } from "./live-client";

let stack: Stack;
/** Each test's meeting, picked before any ends: the first two are watched, the third never. */
let picked: SimMeeting[];
const clients = new OpenClients(() => stack.dash.url);

beforeAll(async () => {
  stack = await startStack(
    { seed: 5150, historyDays: 1, historyPerDay: 1 },
    { MEETINGS_POLL_MS: "300", UPSTREAM_CACHE_MS: "100", RELAY_GRACE_MS: "60000", REPLAY_FLUSH_MS: "200", ARCHIVE_COLLECT: "on", ARCHIVE_INTERVAL_MS: "1000", ARCHIVE_SETTLE_MS: "1000", HUAWEI_MAX_RPS: "200" },
  );
  picked = small().slice(0, 4);
});
afterAll(async () => {
  clients.closeAll();
  await stack?.stop();
});

interface Truth {
  at: number;
  locked: boolean;
  people: { pid: string; muted: boolean; handRaised: boolean; role: string; speaking: boolean }[];
}

const small = () => [...stack.sim.world.ongoing.values()].filter((m) => m.chairForAdmins === "clear" && m.participants.size >= 5 && m.participants.size <= 20);
const role = (r: string) => (r === "host" ? "host" : r === "cohost" ? "cohost" : "participant");
/** The simulator's own state of a meeting now (and who it last said was speaking): what the replay must give back for this instant. */
const truthOf = (m: SimMeeting, speakers: string[]): Truth => ({
  at: Date.now(),
  locked: m.locked,
  people: [...m.participants.values()]
    .map((p) => ({ pid: p.pid, muted: p.muted, handRaised: p.hand, role: role(p.role), speaking: speakers.includes(p.pid) }))
    .sort((a, b) => a.pid.localeCompare(b.pid)),
});
const asTruth = (r: ReplayResponse) => ({
  at: 0,
  locked: r.locked!,
  people: r.participants.map((p) => ({ pid: p.pid!, muted: p.muted!, handRaised: p.handRaised!, role: p.role!, speaking: p.speaking === true })).sort((a, b) => a.pid.localeCompare(b.pid)),
});
const settle = () => new Promise((r) => setTimeout(r, 400));

async function watch(m: SimMeeting): Promise<void> {
  const c = await clients.connect(stack.admin.sessionCookie);
  expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
  await eventually(() => c.status === "live", 15_000, "live");
}

/** Several minutes of a meeting in a few dozen steps: mutes, hands, roles, leaves and joins, speakers, the lock; the truth kept after each. */
async function drive(m: SimMeeting, steps: number): Promise<Truth[]> {
  const truths: Truth[] = [];
  for (let i = 0; i < steps; i++) {
    if (i === 7 || i === 16) stack.sim.world.hostControl(m, i === 7 ? "Lock conference" : "Unlock conference");
    const people = [...m.participants.values()].filter((p) => p.role !== "host");
    const p = people[i % people.length]!;
    if (i % 5 === 0) stack.sim.world.changeParticipant(m, p.pid, { muted: !p.muted });
    else if (i % 5 === 1) stack.sim.world.changeParticipant(m, p.pid, { hand: !p.hand });
    else if (i % 5 === 2) stack.sim.world.changeParticipant(m, p.pid, { role: p.role === "cohost" ? "participant" : "cohost" });
    else if (i % 5 === 3) stack.sim.world.leave(m, p.pid);
    else stack.sim.world.join(m, { name: `Guest ${i}` });
    const speakers = stack.sim.world.announceSpeakers(m);
    await settle();
    truths.push(truthOf(m, speakers));
    // The next change comes a few milliseconds after the instant the truth was taken.
    await new Promise((r) => setTimeout(r, 5));
  }
  return truths;
}

async function archived(m: SimMeeting): Promise<string> {
  const confUUID = m.confUUID;
  await eventually(async () => (await stack.admin.get(`/api/history/${confUUID}/replay`)).status === 200, 30_000, "archived");
  return confUUID;
}

describe("replay", () => {
  it("gives back the simulator's own state at chosen instants, live and once the meeting ended", async () => {
    const m = picked[0]!;
    // Who was there before anyone watched: the archive's records will say, inside the gap.
    const unseen = { at: Date.now(), names: [...m.participants.values()].map((p) => p.name).sort() };
    await settle();
    await watch(m);
    const watchedFrom = Date.now();
    await settle();
    const truths = await drive(m, 25);
    // While it goes on.
    for (const t of truths.filter((_, i) => i % 4 === 0)) {
      const { body } = await stack.admin.json<ReplayResponse>(`/api/meetings/${m.conferenceID}/replay?at=${new Date(t.at).toISOString()}`);
      expect(asTruth(body), new Date(t.at).toISOString()).toEqual({ ...t, at: 0 });
    }
    await fetch(`${stack.sim.url}/__sim/meetings/${m.conferenceID}/end`, { method: "POST" });
    const confUUID = await archived(m);
    for (const t of truths) {
      const { status, body } = await stack.admin.json<ReplayResponse>(`/api/history/${confUUID}/replay?at=${new Date(t.at).toISOString()}`);
      expect(status).toBe(200);
      expect(asTruth(body), new Date(t.at).toISOString()).toEqual({ ...t, at: 0 });
    }
    // Watched from after its start: partial, the gap ending where watching began.
    const { body } = await stack.admin.json<ReplayResponse>(`/api/history/${confUUID}/replay?at=${new Date(truths[3]!.at).toISOString()}`);
    expect(body.completeness).toBe("partial");
    expect(Date.parse(body.gaps[0]!.to)).toBeLessThanOrEqual(watchedFrom + 2_000);
    expect(body.inGap).toBe(false);
    // Inside the gap: not "nobody", but whom Huawei's records name (flags unknown).
    const early = (await stack.admin.json<ReplayResponse>(`/api/history/${confUUID}/replay?at=${new Date(unseen.at).toISOString()}`)).body;
    expect(early.inGap).toBe(true);
    expect(early.participants.map((p) => p.name).sort()).toEqual(unseen.names);
    expect(early.participants.every((p) => p.pid!.startsWith("record-") && p.handRaised === null)).toBe(true);
    const events = (await stack.admin.json<ReplayEventsResponse>(`/api/history/${confUUID}/events`)).body;
    expect(events.gapEvents.filter((e) => e.field === "present" && e.value === true).length).toBeGreaterThanOrEqual(unseen.names.length);
    // A raised hand says since when: at the first instant the simulator had one up.
    const withHand = truths.find((t) => t.people.some((p) => p.handRaised))!;
    expect(withHand).toBeDefined();
    const atHand = (await stack.admin.json<ReplayResponse>(`/api/history/${confUUID}/replay?at=${new Date(withHand.at).toISOString()}`)).body;
    const raised = atHand.participants.filter((p) => p.handRaised);
    expect(raised.length).toBeGreaterThan(0);
    for (const p of raised) expect(Date.parse(p.handRaisedSince!)).toBeLessThanOrEqual(withHand.at);

    // The log, and its downloads: who spoke is in it too (the simulator's three loudest are its first unmuted).
    const log = await stack.admin.json<ReplayEventsResponse>(`/api/history/${confUUID}/events`);
    expect(log.body.events.filter((e) => e.field === "muted").length).toBeGreaterThanOrEqual(5);
    expect(log.body.events.filter((e) => e.field === "speaking" && !e.initial).length).toBeGreaterThan(0);
    expect(log.body.events.filter((e) => e.field === "locked" && !e.initial).map((e) => e.value)).toEqual([true, false]);
    const csv = await (await stack.admin.get(`/api/history/${confUUID}/events.csv?tz=Asia/Shanghai`)).text();
    expect(csv).toContain("+08:00");
    expect((await stack.admin.get(`/api/history/${confUUID}/events.xlsx`)).headers.get("content-type")).toContain("spreadsheetml");
  });

  it("a meeting nobody watched replays from its records alone, and says so: presence, and what its host did", async () => {
    const m = picked[2]!;
    const joinedLate = stack.sim.world.join(m, { name: "Late Comer" });
    const other = stack.sim.world.join(m, { name: "Made Cohost" });
    await settle();
    const when = Date.now();
    await settle();
    // The host mutes the late comer, makes the other a co-host and locks the meeting: Huawei's control records keep it.
    stack.sim.world.hostControl(m, "Mute participant", joinedLate.pid);
    stack.sim.world.hostControl(m, "Set co-host", other.pid);
    stack.sim.world.hostControl(m, "Lock conference");
    await settle();
    const after = Date.now();
    await fetch(`${stack.sim.url}/__sim/meetings/${m.conferenceID}/end`, { method: "POST" });
    const confUUID = await archived(m);
    const { body } = await stack.admin.json<ReplayResponse>(`/api/history/${confUUID}/replay?at=${new Date(when).toISOString()}`);
    expect(body.completeness).toBe("records");
    expect(body.gaps).toEqual([]);
    expect(body.locked).toBeNull();
    expect(body.participants.map((p) => p.name)).toContain(joinedLate.name);
    // Before the host did anything, nothing of anyone's flags is known.
    expect(body.participants.every((p) => p.muted === null && p.handRaised === null && p.camera === null && p.speaking === null)).toBe(true);
    const later = (await stack.admin.json<ReplayResponse>(`/api/history/${confUUID}/replay?at=${new Date(after).toISOString()}`)).body;
    expect(later.locked).toBe(true);
    expect(later.participants.find((p) => p.name === joinedLate.name)).toMatchObject({ muted: true, handRaised: null });
    expect(later.participants.find((p) => p.name === other.name)).toMatchObject({ role: "cohost", muted: null });
    const log = await stack.admin.json<ReplayEventsResponse>(`/api/history/${confUUID}/events`);
    expect(log.body.completeness).toBe("records");
    expect(log.body.gapEvents).toEqual([]);
    expect(new Set(log.body.events.map((e) => e.field))).toEqual(new Set(["present", "muted", "role", "locked"]));
    expect(log.body.events.find((e) => e.field === "muted" && e.name === joinedLate.name)).toMatchObject({ value: true, by: m.scheduler.name });
  });

  it("is for admins and the meeting's host; a wall none; bad instants are 400s", async () => {
    const m = picked[3]!;
    expect((await stack.admin.get(`/api/meetings/${m.conferenceID}/replay?at=yesterday`)).status).toBe(400);
    expect((await stack.admin.get(`/api/meetings/${m.conferenceID}/replay?at=2026-12-04T10:42:00`)).status).toBe(400);
    expect((await stack.admin.get(`/api/history/not-a-uuid/replay`)).status).toBe(400);
    const other = small().find((x) => x.scheduler.userId !== "alice.chen")!;
    expect([403, 404]).toContain((await stack.host.get(`/api/meetings/${other.conferenceID}/replay`)).status);
  });

  it("a restart mid-meeting leaves a marked gap, not a wrong state", async () => {
    const m = picked[1]!;
    await watch(m);
    await settle();
    const before = await drive(m, 3);
    clients.closeAll();
    stack.dash.process.kill("SIGKILL");
    await new Promise((r) => stack.dash.process.once("exit", r));
    // While the dashboard is down the meeting goes on.
    const during = await drive(m, 3);
    stack.dash = await startDashboard(stack.dash.env, stack.dash.dataDir);
    // Last in this file: the host's browser still points at the dashboard that was killed.
    stack.admin = new Browser(stack.dash.url);
    expect((await stack.admin.login("admin", "stack-admin-password")).status).toBe(200);
    await watch(m);
    await settle();
    const after = await drive(m, 3);
    await new Promise((r) => setTimeout(r, 600));
    const at = async (t: number) => (await stack.admin.json<ReplayResponse>(`/api/meetings/${m.conferenceID}/replay?at=${new Date(t).toISOString()}`)).body;
    for (const t of [...before, ...after]) expect(asTruth(await at(t.at))).toEqual({ ...t, at: 0 });
    const inside = await at(during[1]!.at);
    expect(inside.inGap).toBe(true);
    expect(inside.completeness).toBe("partial");
    expect(inside.gaps.some((g) => Date.parse(g.from) <= during[0]!.at && Date.parse(g.to) >= during[2]!.at)).toBe(true);
  });
});
