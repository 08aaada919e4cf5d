import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Participant } from "@/lib/domain/participant";
import type { Simulator } from "@/server/simulator/server";
import type { SimMeeting, SimParticipant } from "@/server/simulator/world";
import { Browser, STACK_ADMIN_PASSWORD, startStack, type Dashboard, type Stack } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

let sim: Simulator;
let dash: Dashboard;
let adminCookie: string;
let hostCookie: string;
const clients: LiveClient[] = [];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(
    { seed: 31337, heartbeatTimeoutMs: 5_000 },
    {
      HUAWEI_WS_HEARTBEAT_MS: "300",
      HUAWEI_POLL_MS: "300",
      HUAWEI_RECONCILE_MS: "60000",
      HUAWEI_RECONNECT_MAX_MS: "1000",
      RELAY_GRACE_MS: "500",
      MEETINGS_POLL_MS: "300",
      UPSTREAM_CACHE_MS: "100",
    },
  );
  ({ sim, dash } = stack);
  adminCookie = stack.admin.sessionCookie;
  hostCookie = stack.host.sessionCookie;
});

afterEach(() => {
  while (clients.length) clients.pop()!.close();
});

afterAll(() => stack?.stop());

async function client(cookie = adminCookie): Promise<LiveClient> {
  const c = new LiveClient(dash.url, cookie);
  clients.push(c);
  await c.connected();
  return c;
}

/** A meeting of a given size that no other test touches. */
const used = new Set<string>();
function meeting(min = 3, max = 60): SimMeeting {
  // Meetings whose chair password Huawei withholds from admins have tests of their own.
  const m = [...sim.world.ongoing.values()].find((x) => !used.has(x.conferenceID) && x.chairForAdmins === "clear" && x.participants.size >= min && x.participants.size <= max)!;
  used.add(m.conferenceID);
  return m;
}

function expectSameAsSimulator(c: LiveClient, m: SimMeeting): void {
  const got = [...c.meeting.rows.values()].map((p) => [p.pid, p.muted, p.handRaised, p.camera, p.videoSite] as const).sort();
  const want = [...m.participants.values()].map((p) => [p.pid, p.muted, p.hand, p.camera, p.videoSite] as const).sort();
  expect(got).toEqual(want);
}

const sameAsSimulator = (c: LiveClient, m: SimMeeting) => {
  try {
    expectSameAsSimulator(c, m);
    return true;
  } catch {
    return false;
  }
};

function someone(m: SimMeeting): SimParticipant {
  return [...m.participants.values()].find((p) => p.role === "participant")!;
}

describe("meeting topic", () => {
  it("sends a snapshot on subscribe, then a mute change as a small patch within a fraction of a second", async () => {
    const m = meeting();
    const c = await client();
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.status === "live" && sameAsSimulator(c, m), 10_000, "live snapshot");
    const p = someone(m);
    const before = c.patches.length;
    const changedAt = Date.now();
    sim.world.changeParticipant(m, p.pid, { muted: !p.muted });
    await eventually(() => c.meeting.rows.get(p.pid)?.muted === p.muted, 2_000, "mute patch");
    // The patch that carries the change (an MCU meeting's first NetConditionNotify may still be arriving as a patch of its own).
    const patch = c.patches.slice(before).find((x) => x.upserts.some((u) => (u as Participant).pid === p.pid && (u as Participant).muted === p.muted))!;
    expect(patch.receivedAt - changedAt).toBeLessThan(500);
    expect(patch.upserts).toHaveLength(1);
    expect(patch.removes).toEqual([]);
    expect(Date.now() - patch.sourceTime).toBeLessThan(5_000);
  });

  it("keeps hand, camera, sharing, role, joins and leaves in step", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => c.status === "live" && sameAsSimulator(c, m));
    const p = someone(m);
    sim.world.changeParticipant(m, p.pid, { hand: true, videoSite: true, camera: true, sharing: true, role: "cohost" });
    const guest = sim.world.join(m, { name: "Late Guest" });
    const leaver = [...m.participants.values()].find((x) => x.role === "participant" && x.pid !== p.pid)!;
    sim.world.leave(m, leaver.pid);
    await eventually(() => {
      const got = c.meeting.rows.get(p.pid);
      return Boolean(got?.handRaised && got.camera && got.sharing && got.role === "cohost" && got.handRaisedAt) && c.meeting.rows.has(guest.pid) && !c.meeting.rows.has(leaver.pid);
    }, 3_000, "changes");
    expect(c.meeting.rows.get(guest.pid)?.name).toBe("Late Guest");
  });

  it("asks Huawei once however many watch: 200 clients, one upstream socket", async () => {
    const m = meeting();
    const connectionsBefore = sim.events.connections;
    const many = await Promise.all(Array.from({ length: 200 }, () => client()));
    const acks = await Promise.all(many.map((c) => c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await eventually(() => many.every((c) => c.meeting.rows.size === m.participants.size && c.status === "live"), 15_000, "200 snapshots");
    expect(sim.events.openSessions(m.conferenceID)).toBe(1);
    expect(sim.events.connections - connectionsBefore).toBe(1);
    const p = someone(m);
    sim.world.changeParticipant(m, p.pid, { hand: !p.hand });
    await eventually(() => many.every((c) => c.meeting.rows.get(p.pid)?.handRaised === p.hand), 5_000, "fan-out");
  });

  it("stops watching upstream a grace period after the last viewer leaves", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => sim.events.openSessions(m.conferenceID) === 1);
    c.close();
    await eventually(() => sim.events.openSessions(m.conferenceID) === 0, 5_000, "upstream close");
  });

  it("recovers from a dropped socket by polling, then reconnecting, ending equal to the simulator", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => c.status === "live" && sameAsSimulator(c, m));
    sim.faults.add({ path: "/v1/mmc/control/conferences/wsToken", count: 2, status: 500 });
    sim.events.fault("drop", m.conferenceID);
    await eventually(() => c.status === "polling", 3_000, "polling");
    // Changes while the socket is down arrive through realTimeInfo polling.
    const p = someone(m);
    sim.world.changeParticipant(m, p.pid, { muted: !p.muted });
    await eventually(() => c.meeting.rows.get(p.pid)?.muted === p.muted, 3_000, "change while polling");
    await eventually(() => c.status === "live", 10_000, "live again");
    sim.world.changeParticipant(m, p.pid, { hand: !p.hand });
    await eventually(() => sameAsSimulator(c, m), 3_000, "same state");
  });

  it("notices a socket that stops answering heartbeats and reconnects", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => c.status === "live");
    const connections = sim.events.connections;
    sim.events.fault("silence", m.conferenceID);
    await eventually(() => c.status === "polling", 3_000, "heartbeat loss noticed");
    await eventually(() => c.status === "live" && sim.events.connections > connections, 10_000, "reconnected");
    const p = someone(m);
    sim.world.changeParticipant(m, p.pid, { videoSite: true, camera: !p.camera });
    await eventually(() => sameAsSimulator(c, m), 3_000, "same state");
  });

  it("keeps polling while the socket's authentication is refused, and recovers", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => c.status === "live");
    sim.events.fault("refuse", undefined, 3);
    sim.events.fault("drop", m.conferenceID);
    await eventually(() => c.status === "polling", 3_000);
    const guest = sim.world.join(m, { name: "Polled Guest" });
    await eventually(() => c.meeting.rows.has(guest.pid), 3_000, "join seen by polling");
    await eventually(() => c.status === "live", 15_000, "live after refusals");
    await eventually(() => sameAsSimulator(c, m), 3_000);
  });

  it("answers a resync with a fresh snapshot", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => c.status === "live" && c.snapshots > 0);
    const snapshots = c.snapshots;
    // Pretend a patch was lost: the next one will not follow, and the client asks for a snapshot.
    c.meeting.seq -= 1;
    const p = someone(m);
    sim.world.changeParticipant(m, p.pid, { muted: !p.muted });
    await eventually(() => c.gaps > 0 && c.snapshots > snapshots, 3_000, "resync");
    await eventually(() => sameAsSimulator(c, m));
  });

  it("says ended when the meeting ends", async () => {
    const m = meeting();
    const c = await client();
    await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID });
    await eventually(() => c.status === "live");
    sim.world.endMeeting(m);
    await eventually(() => c.status === "ended" && c.meeting.fields?.meeting.state === "ended", 3_000, "ended");
  });
});

describe("subscriptions", () => {
  it("refuses a connection without a session", async () => {
    const c = new LiveClient(dash.url, "");
    clients.push(c);
    await expect(c.connected()).rejects.toThrow(/unauthenticated/);
  });

  it("refuses a connection with a signed-out session's cookie", async () => {
    const b = new Browser(dash.url);
    await b.login("admin", STACK_ADMIN_PASSWORD);
    const copy = b.sessionCookie;
    await b.logout();
    const c = new LiveClient(dash.url, copy);
    clients.push(c);
    await expect(c.connected()).rejects.toThrow(/unauthenticated/);
  });

  it("answers a bad subscribe with a clear error", async () => {
    const c = await client();
    expect(await c.subscribe({ topic: "weather" })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await c.subscribe({ topic: "meeting", conferenceID: "12-34" })).toEqual({ ok: false, error: { code: "bad_request", message: "a conference ID is 1 to 32 letters and digits" } });
    expect(await c.subscribe({ topic: "meeting", conferenceID: "999999999" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("lets a host subscribe only to meetings Huawei shows them", async () => {
    const alice = sim.world.userByAccount("alice.chen")!;
    const theirs = [...sim.world.ongoing.values()].find((m) => sim.world.canSee(alice, m, false))!;
    const other = [...sim.world.ongoing.values()].find((m) => !sim.world.canSee(alice, m, false))!;
    const c = await client(hostCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: other.conferenceID })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await c.subscribe({ topic: "meeting", conferenceID: theirs.conferenceID })).toEqual({ ok: true });
  });
});

describe("meetings topic", () => {
  it("sends the ongoing list, then patches as meetings end", async () => {
    const c = await client();
    expect(await c.subscribe({ topic: "meetings" })).toEqual({ ok: true });
    await eventually(() => c.meetings.rows.size === sim.world.ongoing.size, 5_000, "list snapshot");
    const ending = meeting(0, 10_000);
    sim.world.endMeeting(ending);
    await eventually(() => !c.meetings.rows.has(ending.conferenceID), 5_000, "removal patch");
    expect(c.patches.some((p) => p.topic === "meetings" && p.removes.includes(ending.conferenceID))).toBe(true);
  });
});
