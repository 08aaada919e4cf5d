import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIMULATOR_APP_AUTH, startSimulator, type Simulator } from "@/server/simulator/server";
import { HuaweiClient } from "./client";
import { HuaweiApiError } from "./errors";
import { HuaweiQualityApi } from "./quality-api";
import { qosConferenceListSchema } from "./quality-schemas";

let sim: Simulator;
let client: HuaweiClient;
let quality: HuaweiQualityApi;
beforeAll(async () => {
  sim = await startSimulator({ tickMs: 0, seed: 19 });
  client = new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 5_000, maxRetries: 1, requestsPerSecond: 200 }, { backoffBaseMs: 5 });
  quality = new HuaweiQualityApi(client);
});
afterAll(() => sim.close());

const small = () => [...sim.world.ongoing.values()].find((m) => m.participants.size >= 4 && m.participants.size <= 40)!;
const someone = (m: ReturnType<typeof small>) => [...m.participants.values()].find((p) => p.role === "participant")!;

describe("Huawei's quality APIs against the simulator", () => {
  it("lists every ongoing meeting's alarms, each the OR of its people's", async () => {
    const meetings = await quality.onlineMeetings();
    expect(meetings).toHaveLength(sim.world.ongoing.size);
    for (const m of meetings.slice(0, 6)) {
      const people = await quality.participants(m.confUUID, "online");
      expect(m.audioAlarm).toBe(people.some((p) => p.audioAlarmSend || p.audioAlarmRec));
      expect(m.cpuAlarm).toBe(people.some((p) => p.cpuAlarm));
      expect(m.alarm).toBe(m.audioAlarm || m.videoAlarm || m.screenAlarm || m.cpuAlarm);
    }
  });

  it("a person whose network turns bad gets alarms and a series over the threshold, in Huawei's units", async () => {
    const m = small();
    const p = someone(m);
    p.network = { level: "bad", since: p.joinedAt };
    const row = (await quality.participants(m.confUUID, "online")).find((x) => x.participantID === p.pid)!;
    expect(row).toMatchObject({ alarm: true, audioAlarmSend: true, leftTime: 0 });
    const detail = await quality.participantSeries(m.confUUID, "online", p.pid, "audio");
    const latency = detail.qos.send!.latency;
    expect(latency.length).toBeGreaterThan(0);
    expect(latency.every((point) => point.threshold === 800 && point.alarm === point.value > 800)).toBe(true);
    expect(detail.qos.send!.packet_loss_max.every((point) => point.value >= 10 && point.value <= 60)).toBe(true);
    const cpu = await quality.participantSeries(m.confUUID, "online", p.pid, "cpu");
    expect(cpu.qos.cpu!.client_cpu_max.length).toBe(latency.length);
    expect((await quality.onlineMeetings()).find((x) => x.confUUID === m.confUUID)!.audioAlarm).toBe(true);
  });

  it("reads and sets the thresholds: a change applies to new points only", async () => {
    expect(await quality.thresholds("VIDEO")).toMatchObject({ latency: { receiving: 800, receivingDefault: 800 }, packetLoss: { sending: 50, sendingDefault: 50 } });
    const m = small();
    const p = someone(m);
    const before = (await quality.participantSeries(m.confUUID, "online", p.pid, "audio")).qos.send!.latency;
    await quality.setThresholds("AUDIO", { latency: { receiving: 120, sending: 120 }, jitter: { receiving: 60, sending: 60 }, packetLoss: { receiving: 5, sending: 5 } });
    expect(await quality.thresholds("AUDIO")).toMatchObject({ latency: { receiving: 120, receivingDefault: 800, sending: 120 }, jitter: { sending: 60 } });
    const after = (await quality.participantSeries(m.confUUID, "online", p.pid, "audio")).qos.send!.latency;
    expect(after.map((x) => x.threshold)).toEqual(before.map((x) => x.threshold));
    await quality.setThresholds("CPU", { clientCpuMax: { cpu: 85 }, systemCpuMax: {} });
    expect(await quality.thresholds("CPU")).toMatchObject({ clientCpuMax: { cpu: 85, cpuDefault: 90 }, systemCpuMax: { cpu: 90 } });
    const refused = await quality.setThresholds("VIDEO", { latency: { receiving: 20_000 }, jitter: {}, packetLoss: {} }).catch((e: unknown) => e);
    expect((refused as HuaweiApiError).status).toBe(400);
  });

  it("answers 403 to a user who is not the enterprise's admin, and to everyone while the feature is off", async () => {
    const host = await client.call({ huaweiUserId: "alice.chen" }, qosConferenceListSchema, { path: "/v1/metrics/conferences/online" }).catch((e: unknown) => e);
    expect(host).toBeInstanceOf(HuaweiApiError);
    expect((host as HuaweiApiError).status).toBe(403);
    sim.quality.enabled = false;
    try {
      const off = await quality.onlineMeetings().catch((e: unknown) => e);
      expect((off as HuaweiApiError).status).toBe(403);
    } finally {
      sim.quality.enabled = true;
    }
  });

  it("lists ended meetings of a window, and their people", async () => {
    const now = Date.now();
    const ended = await quality.historyMeetings(now - 30 * 86_400_000, now);
    expect(ended.length).toBeGreaterThan(0);
    const kept = sim.world.keptHistory().filter((m) => m.startedAt >= now - 30 * 86_400_000);
    expect(ended.length).toBe(kept.length);
    const people = await quality.participants(ended[0]!.confUUID, "history");
    expect(people.length).toBe(kept.find((m) => m.confUUID === ended[0]!.confUUID)!.sessions.length);
    expect(people.every((p) => (p.leftTime ?? 0) > 0)).toBe(true);
    const wrongType = await quality.participants(ended[0]!.confUUID, "online").catch((e: unknown) => e);
    expect((wrongType as HuaweiApiError).status).toBe(400);
  });

  it("gives a live network-quality snapshot with the meeting's control token, loss in per mille", async () => {
    const m = small();
    const p = someone(m);
    p.network = { level: "poor", since: Date.now() - 60_000 };
    const { token: confToken } = await client.controlToken(m.conferenceID, m.chairPassword);
    const list = await quality.networkQuality(m.conferenceID, m.confUUID, confToken, [p.pid]);
    expect(list).toHaveLength(1);
    expect(list[0]!.netRate).toBe("POOR");
    const up = list[0]!.audioQos!.upList[0]!;
    expect(up.lostPacketRate! % 10).toBe(0);
    expect(up.lostPacketRate! / 10).toBeGreaterThanOrEqual(3);
    await expect(quality.networkQuality(m.conferenceID, m.confUUID, confToken, Array.from({ length: 51 }, (_, i) => `p${i}`))).rejects.toThrow(RangeError);
    const forged = await quality.networkQuality(m.conferenceID, m.confUUID, "not-a-token", [p.pid]).catch((e: unknown) => e);
    expect((forged as HuaweiApiError).status).toBe(401);
  });
});
