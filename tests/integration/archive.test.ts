import { afterAll, describe, expect, it } from "vitest";
import type { ArchiveStatus } from "@/lib/archive/archive-collector";
import type { AttendanceResponse } from "@/lib/domain/attendance";
import { HuaweiClient } from "@/lib/huawei/client";
import { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { ArchiveTable } from "@/lib/store/archive-table";
import { Store } from "@/lib/store/store";
import { SIMULATOR_APP_AUTH, simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import { PrivatePostgres } from "@/tests/private-postgres";
import { ENGINES, testPlace, type TestPlace } from "@/tests/stores";
import { Browser, startDashboard, type Dashboard } from "./dashboard";

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

const ADMIN_PASSWORD = "archive-admin-pw";
/** Collect quickly and often; the upstream budget raised so six months of history is read in seconds. */
const COLLECTING = { ARCHIVE_COLLECT: "on", ARCHIVE_INTERVAL_MS: "1000", ARCHIVE_SETTLE_MS: "1000", HUAWEI_MAX_RPS: "200", ARCHIVE_CONCURRENCY: "4" };

interface SimPast {
  confUUID: string;
  conferenceID: string;
  startedAt: number;
  records: number;
  controls: { operateTime: number; operator: string; operateCode: string; operationObject: string }[];
}

async function simulator(seed: number): Promise<Simulator> {
  // Six months and ten days of history, of which Huawei keeps 180 days.
  const sim = await startSimulator({ tickMs: 0, seed, historyDays: 190, historyPerDay: 1, retentionDays: 180 });
  cleanup.push(() => sim.close());
  return sim;
}

async function place(engine: (typeof ENGINES)[number]): Promise<TestPlace> {
  const p = await testPlace(engine);
  cleanup.push(() => p.drop());
  return p;
}

async function dashboard(sim: Simulator, where: TestPlace, env: Record<string, string> = {}): Promise<{ dash: Dashboard; admin: Browser }> {
  const dash = await startDashboard({ ...simulatorEnv(sim.url), ...where.env, DASHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD, SESSION_SECRET: "a".repeat(64), ...env }, where.dataDir);
  cleanup.push(() => dash.stop());
  const admin = new Browser(dash.url);
  expect((await admin.login("admin", ADMIN_PASSWORD)).status).toBe(200);
  return { dash, admin };
}

async function held(sim: Simulator): Promise<SimPast[]> {
  return (await fetch(`${sim.url}/__sim/history`).then((r) => r.json())) as SimPast[];
}

async function status(admin: Browser): Promise<ArchiveStatus> {
  const { status: code, body } = await admin.json<ArchiveStatus>("/api/archive/status");
  expect(code).toBe(200);
  return body;
}

/** Waits until the archive holds exactly what Huawei holds. */
/** Every meeting and record stored, and the run that stored them finished (the last batch is saved before the run records its end). */
async function caughtUp(admin: Browser, expected: SimPast[], timeout = 60_000): Promise<ArchiveStatus> {
  const records = expected.reduce((n, m) => n + m.records, 0);
  await expect
    .poll(async () => { const s = await status(admin); return { meetings: s.meetings, records: s.records, ran: s.lastRunAt !== null }; }, { timeout, interval: 500 })
    .toEqual({ meetings: expected.length, records, ran: true });
  return status(admin);
}

/** The answer without where it came from. */
function withoutSource(answer: AttendanceResponse): Omit<AttendanceResponse, "source" | "archivedAt"> {
  const rest: Partial<AttendanceResponse> = { ...answer };
  delete rest.source;
  delete rest.archivedAt;
  return rest as Omit<AttendanceResponse, "source" | "archivedAt">;
}

describe.each(ENGINES)("the attendance archive on %s", (engine) => {
  it("backfills everything Huawei holds, and answers a meeting Huawei has dropped, exactly, after a restart", async () => {
    const sim = await simulator(engine === "sqlite" ? 1801 : 1802);
    const where = await place(engine);
    const expected = await held(sim);
    expect(expected.length).toBeGreaterThan(250);
    expect(Math.min(...expected.map((m) => m.startedAt))).toBeLessThan(Date.now() - 170 * 86_400_000);

    let { dash, admin } = await dashboard(sim, where, COLLECTING);
    const after = await caughtUp(admin, expected);
    expect(after.oldestStart).toBe(new Date(Math.min(...expected.map((m) => m.startedAt))).toISOString().replace(/:\d\d\.\d{3}Z$/, ":00.000Z"));
    expect(after.lastRunAt).not.toBeNull();
    expect(after.behindMs).toBeLessThan(60_000);
    expect(after.lastError).toBeNull();
    expect(after.collecting).toBe(true);

    // Control operations (who muted, made co-host or locked what) are kept as Huawei listed them.
    const store = await Store.fromEnv(where.env, where.dataDir);
    try {
      const archive = new ArchiveTable(store);
      const withControls = expected.filter((m) => m.controls.length > 0);
      expect(withControls.length).toBeGreaterThan(10);
      for (const m of withControls.slice(0, 5)) {
        const kept = await archive.controls(m.confUUID);
        expect(kept.map((c) => ({ operateTime: c.operateTime, operator: c.operator, operateCode: c.operateCode, operationObject: c.operationObject }))).toEqual(
          m.controls.map((c) => ({ operateTime: c.operateTime, operator: c.operator, operateCode: c.operateCode, operationObject: c.operationObject })),
        );
      }
      // Each person's quality alarms are kept beside the attendance for the meetings Huawei still has quality of (three months):
      // a meeting's health is what Huawei's own per-person list says, and it outlives Huawei's three months.
      const truth = new HuaweiQualityApi(new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 5_000, maxRetries: 1, requestsPerSecond: 100 }));
      const recent = expected.filter((m) => m.startedAt > Date.now() - 80 * 86_400_000);
      const health = await archive.healthOf(expected.map((m) => m.confUUID));
      expect(recent.every((m) => health.has(m.confUUID))).toBe(true);
      expect(expected.filter((m) => m.startedAt < Date.now() - 100 * 86_400_000).some((m) => health.has(m.confUUID))).toBe(false);
      let alarmed = 0;
      for (const m of recent.slice(0, 15)) {
        const people = await truth.participants(m.confUUID, "history");
        const any = (pick: (p: (typeof people)[number]) => boolean) => people.some(pick);
        expect(health.get(m.confUUID)).toMatchObject({
          audio: any((p) => p.audioAlarmSend || p.audioAlarmRec),
          video: any((p) => p.videoAlarmSend || p.videoAlarmRec),
          screen: any((p) => p.screenAlarmSend || p.screenAlarmRec),
          cpu: any((p) => p.cpuAlarm),
          affected: new Set(people.filter((p) => p.alarm).map((p) => p.participantID)).size,
        });
        if (people.some((p) => p.alarm)) alarmed += 1;
      }
      expect(alarmed).toBeGreaterThan(0);
    } finally {
      await store.close();
    }

    // The meeting with the most records, in both languages, as Huawei answers today.
    const chosen = [...expected].sort((a, b) => b.records - a.records)[0]!;
    const fromHuawei = await admin.json<AttendanceResponse>(`/api/history/${chosen.confUUID}/attendance`);
    expect(fromHuawei.body.source).toBe("huawei");
    const inChinese = async (b: Browser) => (await (await b.get(`/api/history/${chosen.confUUID}/attendance`, { "accept-language": "zh-CN" })).json()) as AttendanceResponse;
    const chineseFromHuawei = await inChinese(admin);
    expect(chineseFromHuawei.people.flatMap((p) => p.sessions.map((x) => x.device))).toContain("软终端");

    await dash.stop();
    expect((await fetch(`${sim.url}/__sim/history/forget`, { method: "POST", body: JSON.stringify({ confUUID: chosen.confUUID }) })).status).toBe(200);
    ({ dash, admin } = await dashboard(sim, where));
    const fromArchive = await admin.json<AttendanceResponse>(`/api/history/${chosen.confUUID}/attendance`);
    expect(fromArchive.status).toBe(200);
    expect(fromArchive.body.source).toBe("archive");
    expect(fromArchive.body.archivedAt).toBeTruthy();
    expect(withoutSource(fromArchive.body)).toEqual(withoutSource(fromHuawei.body));
    expect(withoutSource(await inChinese(admin))).toEqual(withoutSource(chineseFromHuawei));
    // A meeting Huawei never had is still not found.
    expect((await admin.get(`/api/history/${"f".repeat(32)}/attendance`)).status).toBe(404);
  });

  it("collects with two instances: one does it, nothing is stored twice, a meeting that ends is collected on the next run", async () => {
    const sim = await simulator(engine === "sqlite" ? 1803 : 1804);
    const where = await place(engine);
    // Two instances on one store; for SQLite that means one data directory on one machine.
    const one = await dashboard(sim, where, COLLECTING);
    const two = await dashboard(sim, where, COLLECTING);
    const expected = await held(sim);
    await caughtUp(one.admin, expected);
    const [s1, s2] = await Promise.all([status(one.admin), status(two.admin)]);
    expect([s1.collecting, s2.collecting].sort()).toEqual([false, true]);

    const live = ((await fetch(`${sim.url}/__sim/meetings`).then((r) => r.json())) as { conferenceID: string }[])[0]!;
    expect((await fetch(`${sim.url}/__sim/meetings/${live.conferenceID}/end`, { method: "POST" })).status).toBe(200);
    const now = await held(sim);
    expect(now.length).toBe(expected.length + 1);
    await caughtUp(two.admin, now, 20_000);
  });
});

describe("the archive through a PostgreSQL outage", () => {
  it("loses nothing when PostgreSQL stops and starts mid-collection", async () => {
    const sim = await simulator(1805);
    const server = await PrivatePostgres.create();
    cleanup.push(() => server.destroy());
    const where: TestPlace = { engine: "postgres", dataDir: (await testPlace("sqlite")).dataDir, env: { DATABASE_URL: server.url }, drop: async () => undefined };
    // A slower budget, so the outage falls in the middle of the backfill.
    const { admin } = await dashboard(sim, where, { ...COLLECTING, HUAWEI_MAX_RPS: "60" });
    const expected = await held(sim);
    await expect.poll(async () => (await status(admin)).meetings, { timeout: 30_000, interval: 200 }).toBeGreaterThan(20);
    await server.stop();
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await admin.get("/api/archive/status")).status).toBe(503);
    await server.start();
    const after = await caughtUp(admin, expected, 90_000);
    expect(after.meetings).toBe(expected.length);
  }, 150_000);
});
