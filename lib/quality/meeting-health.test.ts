import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HuaweiClient } from "@/lib/huawei/client";
import { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { SIMULATOR_APP_AUTH, startSimulator, type Simulator } from "@/server/simulator/server";
import { MeetingHealthService } from "./meeting-health";

let sim: Simulator;
let api: HuaweiQualityApi;
beforeAll(async () => {
  sim = await startSimulator({ tickMs: 0, seed: 77 });
  api = new HuaweiQualityApi(new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 5_000, maxRetries: 1, requestsPerSecond: 200 }));
  vi.spyOn(api, "alarmedPeople");
});
afterAll(() => sim.close());

/** Meetings whose people were counted (Huawei's real answers, watched through): a big meeting's list is several pages, one meeting all the same. */
const meetingsCounted = () => vi.mocked(api.alarmedPeople).mock.calls.length;
const options = { enabled: true, pollMs: 60_000, refusedRetryMs: 60_000, countPerPoll: 3, recountMs: 300_000 };

describe("MeetingHealthService", () => {
  it("counts the people of at most a few alarmed meetings per read, the longest uncounted first, until all are counted", async () => {
    const service = new MeetingHealthService(api, options);
    const alarmed = (await api.onlineMeetings()).filter((m) => m.alarm).length;
    expect(alarmed).toBeGreaterThan(3);
    const before = meetingsCounted();
    await service.poll();
    expect(meetingsCounted() - before).toBe(3);
    for (let i = 0; i < Math.ceil(alarmed / 3); i++) await service.poll();
    const all = [...sim.world.ongoing.values()].map((m) => service.of(m.conferenceID)!);
    expect(all.every((h) => h !== null)).toBe(true);
    expect(all.filter((h) => h.audio || h.video || h.screen || h.cpu).every((h) => h.affected !== null && h.affected > 0)).toBe(true);
    expect(all.filter((h) => !(h.audio || h.video || h.screen || h.cpu)).every((h) => h.affected === 0)).toBe(true);
    // All counted and nothing moved: the next read counts nobody; once the counts are old, they are taken again.
    const settled = meetingsCounted();
    await service.poll();
    expect(meetingsCounted()).toBe(settled);
    await service.poll(Date.now() + 300_000);
    expect(meetingsCounted() - settled).toBe(3);
  });

  it("turns off with Huawei's reason on a 403 and keeps no stale marks, then comes back", async () => {
    const service = new MeetingHealthService(api, options);
    await service.poll();
    const id = [...sim.world.ongoing.keys()][0]!;
    expect(service.of(id)).not.toBeNull();
    sim.quality.enabled = false;
    await service.poll();
    expect(service.status()).toMatchObject({ available: false, reason: "forbidden" });
    expect(service.of(id)).toBeNull();
    sim.quality.enabled = true;
    await service.poll();
    expect(service.status()).toMatchObject({ available: true, reason: null });
  });

  it("asks Huawei nothing when switched off (QUALITY=off)", async () => {
    const service = new MeetingHealthService(api, { ...options, enabled: false });
    const before = sim.stats.get("GET /v1/metrics/conferences/online") ?? 0;
    service.start();
    await new Promise((r) => setTimeout(r, 100));
    service.stop();
    expect(sim.stats.get("GET /v1/metrics/conferences/online") ?? 0).toBe(before);
    expect(service.status()).toMatchObject({ available: false, reason: "switched_off" });
  });
});
