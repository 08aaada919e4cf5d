import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import { Browser, startDashboard, type Dashboard } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `mm-test-${randomBytes(4).toString("hex")}`;
let sim: Simulator;
let dash: Dashboard;
let redis: Redis;

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 0, seed: 6262 });
  redis = new Redis(REDIS_URL);
  dash = await startDashboard(
    {
      ...simulatorEnv(sim.url),
      DASHBOARD_ADMIN_PASSWORD: "shutdown-admin-pw",
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
      RELAY_LEASE_TTL_MS: "30000",
      SHUTDOWN_TIMEOUT_MS: "5000",
    },
    mkdtempSync(path.join(tmpdir(), "mm-int-")),
  );
});

afterAll(async () => {
  await dash?.stop();
  await sim?.close();
  redis?.disconnect();
});

describe("SIGTERM", () => {
  it("closes sockets, stops every watcher, releases its leases and exits 0 within the bound", async () => {
    const browser = new Browser(dash.url);
    expect((await browser.login("admin", "shutdown-admin-pw")).status).toBe(200);
    const c = new LiveClient(dash.url, browser.sessionCookie);
    await c.connected();
    const m = [...sim.world.ongoing.values()].find((x) => x.chairForAdmins === "clear" && x.participants.size >= 3 && x.participants.size < 60)!;
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.status === "live", 10_000, "live");
    const lease = `${PREFIX}:lease:meeting:${m.conferenceID}`;
    expect(await redis.exists(lease)).toBe(1);

    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => dash.process.once("exit", (code) => resolve(code)));
    dash.process.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(c.socket.connected).toBe(false);
    expect(sim.events.openSessions(m.conferenceID)).toBe(0);
    // Released, not left to expire: another instance may take the meeting over at once.
    expect(await redis.exists(lease)).toBe(0);
    expect(dash.output()).toMatch(/"msg":"stopped"/);
    c.close();
  });
});
