import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/server/simulator/server";
import { Browser, startCluster, type Dashboard } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

// Two dashboard instances sharing the Redis of this machine (127.0.0.1:6379), as behind a load balancer.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let sim: Simulator;
let a: Dashboard;
let b: Dashboard;
const clients: LiveClient[] = [];

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 0, seed: 777 });
  [a, b] = await startCluster(sim.url, REDIS_URL);
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await a?.stop();
  await b?.stop();
  await sim?.close();
});

async function clientOf(dash: Dashboard): Promise<LiveClient> {
  const browser = new Browser(dash.url);
  await browser.login("admin", "cluster-admin-pw");
  const c = new LiveClient(dash.url, browser.sessionCookie);
  clients.push(c);
  await c.connected();
  return c;
}

describe("two instances with Redis and PostgreSQL", () => {
  it("honours a sign-out on one instance at the other", async () => {
    const onA = new Browser(a.url);
    await onA.login("admin", "cluster-admin-pw");
    const copy = onA.sessionCookie;
    expect((await Browser.withCookie(b.url, copy).json("/api/auth/me")).status).toBe(200);
    await onA.logout();
    // Through the shared store: every instance reads new sign-outs each second.
    await expect.poll(async () => (await Browser.withCookie(b.url, copy).json("/api/auth/me")).status, { timeout: 3_000 }).toBe(401);
  });

  it("gives every viewer of the other instance the state when many ask at once, and each later change", async () => {
    const m = [...sim.world.ongoing.values()].find((x) => x.participants.size >= 3 && x.participants.size < 50)!;
    const onA = await clientOf(a);
    expect(await onA.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => onA.status === "live", 10_000, "A live");
    // Twenty tabs of one browser on B at once: one question to A answers them all.
    const browser = new Browser(b.url);
    await browser.login("admin", "cluster-admin-pw");
    const onB = Array.from({ length: 20 }, () => new LiveClient(b.url, browser.sessionCookie));
    clients.push(...onB);
    await Promise.all(onB.map((c) => c.connected()));
    const acks = await Promise.all(onB.map((c) => c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })));
    expect(acks.every((x) => x.ok)).toBe(true);
    await eventually(() => onB.every((c) => c.meeting.rows.size === m.participants.size && c.status === "live"), 5_000, "every B viewer's snapshot");
    const p = [...m.participants.values()].find((x) => x.role === "participant")!;
    sim.world.changeParticipant(m, p.pid, { muted: !p.muted });
    await eventually(() => onB.every((c) => c.meeting.rows.get(p.pid)?.muted === p.muted), 3_000, "the change on every B viewer");
    expect(onB.every((c) => c.gaps === 0)).toBe(true);
    expect(sim.events.openSessions(m.conferenceID)).toBe(1);
    [onA, ...onB].forEach((c) => c.close());
  });

  it("serves a meeting watched upstream by one instance to clients of the other, and fails over", async () => {
    const m = [...sim.world.ongoing.values()].find((x) => x.participants.size >= 3 && x.participants.size < 50)!;
    const onA = await clientOf(a);
    expect(await onA.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => onA.status === "live", 10_000, "A live");

    const onB = await clientOf(b);
    expect(await onB.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => onB.meeting.rows.size === m.participants.size, 5_000, "B snapshot from A");
    expect(sim.events.openSessions(m.conferenceID)).toBe(1);

    const p = [...m.participants.values()].find((x) => x.role === "participant")!;
    sim.world.changeParticipant(m, p.pid, { muted: !p.muted });
    await eventually(() => onB.meeting.rows.get(p.pid)?.muted === p.muted, 2_000, "patch through Redis");
    expect(sim.events.openSessions(m.conferenceID)).toBe(1);

    // Instance A dies without a word; B must take the lease and watch upstream itself.
    const killedAt = Date.now();
    a.process.kill("SIGKILL");
    sim.world.changeParticipant(m, p.pid, { hand: !p.hand });
    await eventually(() => onB.meeting.rows.get(p.pid)?.handRaised === p.hand && onB.status === "live", 15_000, "B takes over");
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    await eventually(() => sim.events.openSessions(m.conferenceID) === 1, 5_000, "one upstream socket again");

    const guest = sim.world.join(m, { name: "After failover" });
    await eventually(() => onB.meeting.rows.has(guest.pid), 2_000, "live after failover");
    expect(onB.gaps).toBe(0);
  });
});
