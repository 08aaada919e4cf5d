import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/server/simulator/server";
import { Browser, startCluster, type Dashboard } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

// Two instances on a Redis of their own, which the test stops and starts again (its data gone, as
// after a restart without persistence): the dashboard must keep answering, say its data is stale,
// and come back with one upstream watcher per meeting and clients in step.
let sim: Simulator;
let a: Dashboard;
let b: Dashboard;
let redis: ChildProcess | undefined;
let port = 0;
const clients: LiveClient[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
}

async function startRedis(): Promise<void> {
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await eventually(
    () =>
      new Promise<boolean>((resolve) => {
        const probe = createServer();
        probe.once("error", () => resolve(true)); // the port is taken: Redis listens
        probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
      }),
    5_000,
    "redis-server listening",
  );
}

async function stopRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  sim = await startSimulator({ tickMs: 0, seed: 5151 });
  [a, b] = await startCluster(sim.url, `redis://127.0.0.1:${port}`, { RELAY_GRACE_MS: "500" });
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await a?.stop();
  await b?.stop();
  await sim?.close();
  await stopRedis();
});

async function clientOf(dash: Dashboard): Promise<{ browser: Browser; live: LiveClient }> {
  const browser = new Browser(dash.url);
  expect((await browser.login("admin", "cluster-admin-pw")).status).toBe(200);
  const live = new LiveClient(dash.url, browser.sessionCookie);
  clients.push(live);
  await live.connected();
  return { browser, live };
}

const sameAsSimulator = (c: LiveClient, conferenceID: string) => {
  const m = sim.world.ongoing.get(conferenceID)!;
  return [...m.participants.values()].every((p) => {
    const row = c.meeting.rows.get(p.pid);
    return row !== undefined && row.muted === p.muted && row.handRaised === p.hand;
  }) && c.meeting.rows.size === m.participants.size;
};

describe("a Redis outage", () => {
  it("keeps answering, shows stale data as stale, and recovers with one watcher and clients in step", async () => {
    const m = [...sim.world.ongoing.values()].find((x) => x.chairForAdmins === "clear" && x.participants.size >= 3 && x.participants.size < 60)!;
    const onA = await clientOf(a);
    expect(await onA.live.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => onA.live.status === "live", 10_000, "A live");
    const onB = await clientOf(b);
    expect(await onB.live.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => onB.live.meeting.rows.size === m.participants.size && onB.live.status === "live", 5_000, "B in step");
    expect(sim.events.openSessions(m.conferenceID)).toBe(1);

    await stopRedis();

    // Signed-in requests answer at once on both instances: no 500, no hang.
    for (const { browser } of [onA, onB]) {
      const started = Date.now();
      const res = await browser.get("/api/auth/me");
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_500);
    }
    expect(((await (await fetch(`${b.url}/api/health`)).json()) as { status: string }).status).toBe("degraded");
    // Whichever instance does not watch the meeting cannot hear its watcher any more: its viewers see stale.
    const watcherIsA = onA.live.status === "live";
    const other = watcherIsA ? onB : onA;
    await eventually(() => other.live.status === "stale", 5_000, "the other instance's viewer told stale");
    expect(a.process.exitCode).toBeNull();
    expect(b.process.exitCode).toBeNull();

    await startRedis();
    await eventually(() => onA.live.status === "live" && onB.live.status === "live", 15_000, "live again on both");
    await eventually(() => sim.events.openSessions(m.conferenceID) === 1, 10_000, "one upstream socket");
    // And it stays one: no lease tick queued during the outage starts another.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(sim.events.openSessions(m.conferenceID)).toBe(1);

    const p = [...m.participants.values()].find((x) => x.role === "participant")!;
    sim.world.changeParticipant(m, p.pid, { muted: !p.muted, hand: !p.hand });
    await eventually(() => sameAsSimulator(onA.live, m.conferenceID) && sameAsSimulator(onB.live, m.conferenceID), 5_000, "both clients equal to the simulator");
    expect(a.output() + b.output()).not.toMatch(/unhandled rejection/i);

    // Nobody watches any more: every watcher stops.
    onA.live.close();
    onB.live.close();
    await eventually(() => sim.events.openSessions(m.conferenceID) === 0, 10_000, "no watcher left");
  });
});
