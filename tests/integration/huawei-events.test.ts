import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import type { ArchiveStatus } from "@/lib/archive/archive-collector";
import { signEvent } from "@/lib/huawei/event-push";
import { simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import { ENGINES, testPlace } from "@/tests/stores";
import { Browser, startDashboard, type Dashboard } from "./dashboard";

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

const KEY = "event-push-password";
const APP = "meeting-monitor-sub";

async function stack(engine: (typeof ENGINES)[number], env: Record<string, string> = {}): Promise<{ sim: Simulator; dash: Dashboard; admin: Browser }> {
  const sim = await startSimulator({ tickMs: 0, seed: 2121, historyDays: 3, historyPerDay: 2 });
  cleanup.push(() => sim.close());
  const place = await testPlace(engine);
  cleanup.push(() => place.drop());
  // The list poll and the collector's own interval are slow: what happens fast is the event's doing.
  const dash = await startDashboard(
    { ...simulatorEnv(sim.url), ...place.env, DASHBOARD_ADMIN_PASSWORD: "events-admin-pw", HUAWEI_EVENTS_KEY: KEY, HUAWEI_EVENTS_APP_ID: APP, ARCHIVE_COLLECT: "on", ARCHIVE_INTERVAL_MS: "600000", ARCHIVE_SETTLE_MS: "1000", UPSTREAM_CACHE_MS: "600000", ...env },
    place.dataDir,
  );
  cleanup.push(() => dash.stop());
  const admin = new Browser(dash.url);
  expect((await admin.login("admin", "events-admin-pw")).status).toBe(200);
  // The first run's backfill is done before the test's meeting ends.
  await expect.poll(async () => (await admin.json<ArchiveStatus>("/api/archive/status")).body.lastRunAt, { timeout: 30_000 }).not.toBeNull();
  return { sim, dash, admin };
}

function delivery(info: object, opts: { timestamp?: number; nonce?: string; key?: string; appID?: string } = {}): string {
  const timestamp = opts.timestamp ?? Date.now();
  const nonce = opts.nonce ?? Math.random().toString(36).slice(2);
  const text = JSON.stringify(info);
  const appID = opts.appID ?? APP;
  return JSON.stringify({ appID, timestamp, nonce, signature: signEvent(opts.key ?? KEY, appID, timestamp, nonce, text), eventInfo: info });
}

function post(dash: Dashboard, body: string): Promise<Response> {
  return fetch(`${dash.url}/api/huawei/events`, { method: "POST", headers: { "content-type": "application/json" }, body });
}

async function enablePush(sim: Simulator, url: string, retryScale?: number): Promise<{ verified: boolean }> {
  const res = await fetch(`${sim.url}/__sim/event-push`, { method: "POST", body: JSON.stringify({ url, appID: APP, key: KEY, retryScale }) });
  return (await res.json()) as { verified: boolean };
}

async function endSomeMeeting(sim: Simulator): Promise<{ conferenceID: string; confUUID: string }> {
  const live = ((await fetch(`${sim.url}/__sim/meetings`).then((r) => r.json())) as { conferenceID: string }[])[0]!;
  const meeting = sim.world.ongoing.get(live.conferenceID)!;
  expect((await fetch(`${sim.url}/__sim/meetings/${live.conferenceID}/end`, { method: "POST" })).status).toBe(200);
  return { conferenceID: live.conferenceID, confUUID: meeting.confUUID };
}

describe.each(ENGINES)("Huawei's event push on %s", (engine) => {
  it("passes Huawei's verify handshake, and a meeting.end is in the archive and off the ongoing list within seconds", async () => {
    const { sim, dash, admin } = await stack(engine);
    expect(await enablePush(sim, `${dash.url}/api/huawei/events`)).toMatchObject({ verified: true });
    const before = (await admin.json<ArchiveStatus>("/api/archive/status")).body.meetings;
    const listed = await admin.json<{ items: { conferenceID: string }[] }>("/api/meetings");
    const ended = await endSomeMeeting(sim);
    expect(listed.body.items.map((m) => m.conferenceID)).toContain(ended.conferenceID);

    const started = Date.now();
    await expect.poll(async () => (await admin.json<ArchiveStatus>("/api/archive/status")).body.meetings, { timeout: 8_000, interval: 100 }).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(8_000);
    const attendance = await admin.json<{ source: string; confUUID: string }>(`/api/history/${ended.confUUID}/attendance`);
    expect(attendance.body).toMatchObject({ confUUID: ended.confUUID, source: "huawei" });
    // The ongoing list was read again at once, though it is kept for ten minutes otherwise.
    const after = await admin.json<{ items: { conferenceID: string }[] }>("/api/meetings");
    expect(after.body.items.map((m) => m.conferenceID)).not.toContain(ended.conferenceID);
  });

  it("refuses forged, stale and malformed deliveries, and acknowledges an exact repeat without acting on it twice", async () => {
    const { dash } = await stack(engine);
    const info = { event: "meeting.end", timestamp: Date.now(), payload: { meetingInfo: { meetingID: "123456789", meetingUUID: "0".repeat(32) } } };

    const forged = await post(dash, delivery(info, { key: "a-guess" }));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: "bad_signature" } });
    const tampered = delivery(info).replace("123456789", "987654321");
    expect((await post(dash, tampered)).status).toBe(401);
    const otherApp = await post(dash, delivery(info, { appID: "someone-else" }));
    expect(await otherApp.json()).toMatchObject({ error: { code: "wrong_app" } });
    const stale = await post(dash, delivery(info, { timestamp: Date.now() - 26 * 3_600_000 }));
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ error: { code: "stale_event" } });
    expect((await post(dash, "{not json")).status).toBe(400);
    expect((await post(dash, JSON.stringify({ appID: APP }))).status).toBe(400);

    const once = delivery(info);
    const first = await post(dash, once);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ event: "meeting.end", nonce: JSON.parse(once).nonce });
    const again = await post(dash, once);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });

    const verify = delivery({ event: "meeting.verify", timestamp: Date.now(), payload: {} }, { nonce: "echo-me" });
    expect(await (await post(dash, verify)).json()).toEqual({ event: "meeting.verify", nonce: "echo-me" });
  });
});

describe("Huawei's retries", () => {
  it("a delivery the dashboard could not take is retried until it is, and collected then", async () => {
    const { sim, dash, admin } = await stack("sqlite");
    // A door in front of the dashboard that turns away the first two meeting.end deliveries.
    let refused = 0;
    const door: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (body.includes('"meeting.end"') && refused < 2) {
          refused++;
          res.writeHead(503).end();
          return;
        }
        void post(dash, body).then(async (answer) => res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text()));
      });
    });
    await new Promise<void>((resolve) => door.listen(0, "127.0.0.1", resolve));
    cleanup.push(() => new Promise((resolve) => door.close(() => resolve())));
    expect(await enablePush(sim, `http://127.0.0.1:${(door.address() as AddressInfo).port}/`, 0.02)).toMatchObject({ verified: true });

    const before = (await admin.json<ArchiveStatus>("/api/archive/status")).body.meetings;
    const ended = await endSomeMeeting(sim);
    await expect.poll(async () => (await admin.json<ArchiveStatus>("/api/archive/status")).body.meetings, { timeout: 15_000, interval: 200 }).toBe(before + 1);
    const state = (await fetch(`${sim.url}/__sim/event-push`).then((r) => r.json())) as { deliveries: { event: string; confUUID: string; attempts: number; delivered: boolean }[] };
    expect(state.deliveries.find((d) => d.confUUID === ended.confUUID && d.event === "meeting.end")).toMatchObject({ attempts: 3, delivered: true });
  });

  it("without HUAWEI_EVENTS_KEY the route says the push is not set up", async () => {
    const { dash } = await stack("sqlite", { HUAWEI_EVENTS_KEY: "" });
    const res = await post(dash, delivery({ event: "meeting.end", payload: {} }));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "event_push_off" } });
  });
});
