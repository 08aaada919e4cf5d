import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { MeetingListResponse } from "@/lib/domain/meeting";
import type { ParticipantSeriesResponse, QualityStatus } from "@/lib/domain/quality";
import { HuaweiClient } from "@/lib/huawei/client";
import { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { SIMULATOR_APP_AUTH } from "@/server/simulator/server";
import type { SimMeeting } from "@/server/simulator/world";
import { addUser, Browser, startStack, type Stack } from "./dashboard";
import { eventually, OpenClients } from "./live-client";

let stack: Stack;
let truth: HuaweiQualityApi;
let wall: Browser;
const clients = new OpenClients(() => stack.dash.url);

beforeAll(async () => {
  stack = await startStack(
    { seed: 1919 },
    { QUALITY_POLL_MS: "500", QUALITY_REFUSED_RETRY_MS: "500", QUALITY_LIVE_POLL_MS: "500", MEETINGS_POLL_MS: "300", UPSTREAM_CACHE_MS: "100", ATTENTION_QUALITY_PEOPLE: "1", RELAY_GRACE_MS: "300" },
  );
  // What Huawei says, asked directly: the dashboard must say the same.
  truth = new HuaweiQualityApi(new HuaweiClient({ baseUrl: stack.sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 5_000, maxRetries: 1, requestsPerSecond: 100 }));
  await addUser(stack.dash, { username: "wall", password: "wall-password", role: "wall" });
  wall = new Browser(stack.dash.url);
  expect((await wall.login("wall", "wall-password")).status).toBe(200);
});
afterEach(() => clients.closeAll());
afterAll(() => stack?.stop());

const client = (cookie: string) => clients.connect(cookie);

const small = () => [...stack.sim.world.ongoing.values()].filter((m) => m.chairForAdmins === "clear" && m.participants.size >= 4 && m.participants.size <= 30);
const someone = (m: SimMeeting) => [...m.participants.values()].find((p) => p.role === "participant")!;
const force = (m: SimMeeting, pid: string, network: "good" | "poor" | "bad" | null) =>
  fetch(`${stack.sim.url}/__sim/meetings/${m.conferenceID}/participants/${pid}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ network }) });

describe("meeting health", () => {
  it("marks every ongoing meeting with Huawei's alarms, as Huawei gives them", async () => {
    await eventually(async () => (await stack.admin.json<MeetingListResponse>("/api/meetings?limit=500")).body.items.every((m) => m.health !== null), 10_000, "health on every meeting");
    const { body } = await stack.admin.json<MeetingListResponse>("/api/meetings?limit=500");
    const huawei = new Map((await truth.onlineMeetings()).map((m) => [m.conferenceID, m]));
    for (const m of body.items) {
      const h = huawei.get(m.conferenceID)!;
      expect({ audio: m.health!.audio, video: m.health!.video, screen: m.health!.screen, cpu: m.health!.cpu }, m.conferenceID).toEqual({ audio: h.audioAlarm, video: h.videoAlarm, screen: h.screenAlarm, cpu: h.cpuAlarm });
    }
    expect(body.totals.quality).toBe([...huawei.values()].filter((h) => h.alarm).length);
    expect((await stack.admin.json<QualityStatus>("/api/quality/status")).body).toMatchObject({ available: true, reason: null });
  });

  it("a person whose network turns bad marks their meeting, counts them, and puts the meeting on the wall's attention", async () => {
    const m = small().find((x) => x.participants.size <= 12)!;
    const p = someone(m);
    await force(m, p.pid, "bad");
    // Alarms latch: a bad minute is enough (the simulator forced it from now on).
    p.network = { level: "bad", since: p.joinedAt };
    await eventually(async () => {
      const { body } = await stack.admin.json<MeetingListResponse>(`/api/meetings?q=${m.conferenceID}`);
      return body.items[0]?.health?.audio === true && (body.items[0]?.health?.affected ?? 0) >= 1;
    }, 10_000, "health of the meeting");
    const sorted = await stack.admin.json<MeetingListResponse>("/api/meetings?sort=health&dir=desc&show=quality&limit=500");
    expect(sorted.body.items.map((x) => x.conferenceID)).toContain(m.conferenceID);
    expect(sorted.body.items.every((x) => x.health && (x.health.audio || x.health.video || x.health.screen || x.health.cpu))).toBe(true);
    const c = await client(wall.sessionCookie);
    expect(await c.subscribe({ topic: "wall" })).toEqual({ ok: true });
    await eventually(() => c.wall.rows.get(m.conferenceID)?.attention.includes("poor_quality") === true, 10_000, "poor quality on the wall");
    expect(c.wall.rows.get(m.conferenceID)!.health).toMatchObject({ audio: true });
  });

  it("marks a person in an MCU meeting within a second, pushed by NetConditionNotify, with no snapshot polled meanwhile", async () => {
    // An MCU meeting: the world the simulator makes this day may hold none of this size, and then one is made so.
    const m = small().find((x) => x.confMode === "COMMON") ?? Object.assign(small().filter((x) => x.confMode === "RTC").at(-1)!, { confMode: "COMMON" as const });
    const p = someone(m);
    const c = await client(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.status === "live", 10_000, "live");
    const snapshots = () => stack.sim.stats.get("POST /v1/mmc/cqs/media/qos") ?? 0;
    // The first NetConditionNotify names everyone: from then on the meeting's snapshot is not polled (every 500 ms here).
    await eventually(async () => {
      const was = snapshots();
      await new Promise((r) => setTimeout(r, 1_200));
      return snapshots() === was;
    }, 10_000, "no snapshot polled");
    const polled = snapshots();
    await force(m, p.pid, "bad");
    const forcedAt = Date.now();
    await eventually(() => c.meeting.rows.get(p.pid)?.quality?.level === "bad", 1_000, "bad mark within a second");
    expect(Date.now() - forcedAt).toBeLessThan(1_000);
    expect(Date.parse(c.meeting.rows.get(p.pid)!.quality!.at)).toBeGreaterThanOrEqual(forcedAt - 50);
    await force(m, p.pid, "good");
    await eventually(() => c.meeting.rows.get(p.pid)?.quality?.level === "good", 1_000, "good again within a second");
    expect(snapshots()).toBe(polled);
    await force(m, p.pid, null);
  });

  it("marks a person in the live grid within one quality poll, with the figures; a wall gets the mark without them", async () => {
    const m = small().find((x) => x.confMode === "RTC")!;
    const p = [...m.participants.values()].filter((x) => x.role === "participant")[1]!;
    const c = await client(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.status === "live", 10_000, "live");
    await force(m, p.pid, "bad");
    const forcedAt = Date.now();
    await eventually(() => c.meeting.rows.get(p.pid)?.quality?.level === "bad", 5_000, "bad mark");
    const q = c.meeting.rows.get(p.pid)!.quality!;
    expect(Date.parse(q.at)).toBeGreaterThanOrEqual(forcedAt - 1_000);
    expect(q.latencyMs! >= 250 || q.jitterMs! >= 50 || q.lossPercent! >= 10).toBe(true);
    const w = await client(wall.sessionCookie);
    expect(await w.subscribe({ topic: "wall-meeting", conferenceID: m.conferenceID, mask: "none" })).toEqual({ ok: true });
    await eventually(() => w.wallMeeting.rows.get(p.pid)?.quality?.level === "bad", 5_000, "the wall's mark");
    expect(w.wallMeeting.rows.get(p.pid)!.quality).toMatchObject({ latencyMs: null, jitterMs: null, lossPercent: null });
    await force(m, p.pid, null);
  });

  it("gives an admin a person's series with the thresholds, and nobody else", async () => {
    const m = small()[1]!;
    const p = someone(m);
    const { status, body } = await stack.admin.json<ParticipantSeriesResponse>(`/api/quality/participants/${m.conferenceID}/${p.pid}`);
    expect(status).toBe(200);
    expect(body.media.audio.send.latencyMs.length).toBeGreaterThan(0);
    expect(body.media.audio.send.latencyMs.every((x) => x.threshold === 800)).toBe(true);
    expect(body.cpu.client.length).toBe(body.media.audio.send.latencyMs.length);
    expect(body.user.networkType).toBeTruthy();
    expect((await stack.host.json(`/api/quality/participants/${m.conferenceID}/${p.pid}`)).status).toBe(403);
    expect((await wall.json(`/api/quality/participants/${m.conferenceID}/${p.pid}`)).status).toBe(403);
    expect((await stack.admin.json(`/api/quality/participants/${m.conferenceID}/bad%20pid`)).status).toBe(400);
  });

  it("shows an admin the thresholds beside Huawei's defaults and sets them at Huawei; a bad value is refused before Huawei hears of it", async () => {
    const { status, body } = await stack.admin.json<{ VIDEO: { latency: { sending: number; sendingDefault: number } }; CPU: { clientCpuMax: { cpu: number } } }>("/api/quality/thresholds");
    expect(status).toBe(200);
    expect(body.VIDEO.latency).toMatchObject({ sending: 800, sendingDefault: 800 });
    const video = { type: "VIDEO", latency: { sending: 600, receiving: 650 }, jitter: { sending: 200, receiving: 200 }, packetLoss: { sending: 10, receiving: 12 } };
    expect((await stack.admin.post("/api/quality/thresholds", video)).status).toBe(204);
    expect((await truth.thresholds("VIDEO")).latency).toMatchObject({ sending: 600, receiving: 650, sendingDefault: 800 });
    expect((await stack.admin.post("/api/quality/thresholds", { type: "CPU", clientCpuMax: 85, systemCpuMax: 95 })).status).toBe(204);
    expect((await stack.admin.json<typeof body>("/api/quality/thresholds")).body.CPU.clientCpuMax.cpu).toBe(85);
    stack.sim.stats.clear();
    const bad = await stack.admin.post("/api/quality/thresholds", { ...video, packetLoss: { sending: 101, receiving: 5 } });
    expect(bad.status).toBe(400);
    expect(stack.sim.stats.get("POST /v1/metrics/conference/threshold") ?? 0).toBe(0);
    expect((await stack.host.post("/api/quality/thresholds", video)).status).toBe(403);
    expect((await stack.host.json("/api/quality/thresholds")).status).toBe(403);
  });

  it("where Huawei refuses quality (403) says why once, hides health, and nothing else breaks; it comes back when switched on", async () => {
    stack.sim.quality.enabled = false;
    try {
      await eventually(async () => (await stack.admin.json<QualityStatus>("/api/quality/status")).body.reason === "forbidden", 10_000, "refused");
      const status = (await stack.host.json<QualityStatus>("/api/quality/status")).body;
      expect(status).toMatchObject({ available: false, reason: "forbidden" });
      expect(status.message).toContain("not enabled");
      await eventually(async () => (await stack.admin.json<MeetingListResponse>("/api/meetings?limit=500")).body.items.every((m) => m.health === null), 5_000, "no health");
      const { body } = await stack.admin.json<MeetingListResponse>("/api/meetings?limit=500");
      expect(body.totals.quality).toBeNull();
      expect(body.items.length).toBe(stack.sim.world.ongoing.size);
      const m = small()[1]!;
      const series = await stack.admin.json<{ error: { code: string } }>(`/api/quality/participants/${m.conferenceID}/${someone(m).pid}`);
      expect([series.status, series.body.error.code]).toEqual([409, "quality_unavailable"]);
    } finally {
      stack.sim.quality.enabled = true;
    }
    await eventually(async () => (await stack.admin.json<QualityStatus>("/api/quality/status")).body.available === true, 10_000, "back");
  });
});
