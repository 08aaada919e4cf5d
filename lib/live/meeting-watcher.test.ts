import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HuaweiClient } from "@/lib/huawei/client";
import { SIMULATOR_APP_AUTH, startSimulator, type Simulator } from "@/server/simulator/server";
import type { MeetingTopicData, UpstreamLiveStatus } from "@/lib/domain/participant";
import { MemoryHostPasswords } from "./host-passwords";
import { DEFAULT_TIMING, MeetingWatcher } from "./meeting-watcher";

let sim: Simulator;
beforeAll(async () => {
  // Control tokens that last 3 seconds: the watcher must keep renewing them.
  sim = await startSimulator({ tickMs: 0, seed: 5, confTokenTtlSeconds: 3 });
});
afterAll(() => sim.close());

const until = async (check: () => boolean, ms = 8_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("MeetingWatcher against the simulator", () => {
  it("keeps its control token alive past its lifetime and stays in step", async () => {
    const huawei = new HuaweiClient({
      baseUrl: sim.url,
      auth: SIMULATOR_APP_AUTH,
      timeoutMs: 2_000,
      maxRetries: 1,
      requestsPerSecond: 100,
    });
    const meeting = [...sim.world.ongoing.values()].find((m) => m.chairForAdmins === "clear" && m.participants.size > 3 && m.participants.size < 40)!;
    const watcher = new MeetingWatcher(huawei, meeting.conferenceID, new MemoryHostPasswords(), { ...DEFAULT_TIMING, heartbeatMs: 300, pollMs: 200, staleAfterMs: 5_000, reconnectMaxMs: 500 });
    let latest: MeetingTopicData | undefined;
    const statuses: UpstreamLiveStatus[] = [];
    watcher.on("update", (d) => (latest = d));
    watcher.on("status", (s) => statuses.push(s));
    try {
      void watcher.start();
      await until(() => watcher.status === "live");
      const tokenCalls = () => sim.stats.get("GET /v1/mmc/control/conferences/token") ?? 0;
      const before = tokenCalls();
      await new Promise((r) => setTimeout(r, 4_000)); // beyond the first token's 3 s
      expect(tokenCalls() - before).toBeGreaterThanOrEqual(2);
      // A reconnect needs a wsToken, which needs a valid control token.
      sim.events.fault("drop", meeting.conferenceID);
      await until(() => statuses.includes("polling"));
      const p = [...meeting.participants.values()].find((x) => x.role === "participant")!;
      sim.world.changeParticipant(meeting, p.pid, { muted: !p.muted });
      await until(() => latest?.participants.find((x) => x.pid === p.pid)?.muted === p.muted);
      await until(() => watcher.status === "live");
      expect(latest!.participants.map((x) => x.pid).sort()).toEqual([...meeting.participants.keys()].sort());
    } finally {
      watcher.stop();
    }
  });

  it("does not loop upstream when Huawei withholds the host password, and starts at once when one is given", async () => {
    const huawei = new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 2_000, maxRetries: 1, requestsPerSecond: 100 });
    const meeting = [...sim.world.ongoing.values()].find((m) => m.participants.size > 3 && m.participants.size < 40 && m.chairForAdmins === "clear")!;
    meeting.chairForAdmins = "masked";
    const passwords = new MemoryHostPasswords();
    const watcher = new MeetingWatcher(huawei, meeting.conferenceID, passwords, { ...DEFAULT_TIMING, unavailableRetryMs: 60_000 });
    const statuses: [UpstreamLiveStatus, string | undefined][] = [];
    watcher.on("status", (s, _since, reason) => statuses.push([s, reason]));
    const calls = (path: string) => sim.stats.get(`GET /v1/mmc/${path}`) ?? 0;
    try {
      const [tokenBefore, detailBefore] = [calls("control/conferences/token"), calls("management/conferences/confDetail")];
      void watcher.start();
      await until(() => watcher.status === "unavailable");
      expect(watcher.statusReason).toBe("host_password_withheld");
      await new Promise((r) => setTimeout(r, 1_500));
      // No control-token call without a password, and no second confDetail within the minute.
      expect(calls("control/conferences/token") - tokenBefore).toBe(0);
      expect(calls("management/conferences/confDetail") - detailBefore).toBe(1);

      await passwords.set(meeting.conferenceID, "000000");
      await until(() => watcher.statusReason === "host_password_refused");
      expect(await passwords.get(meeting.conferenceID)).toBeUndefined();

      await passwords.set(meeting.conferenceID, meeting.chairPassword);
      await until(() => watcher.status === "live");
      expect(statuses.map(([s, r]) => (r ? `${s}:${r}` : s))).toEqual(["unavailable:host_password_withheld", "unavailable:host_password_refused", "polling", "live"]);
    } finally {
      watcher.stop();
    }
  });

  it("turns unavailable when the host changes the password mid-meeting, and recovers with the new one", async () => {
    const huawei = new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 2_000, maxRetries: 1, requestsPerSecond: 100 });
    const meeting = [...sim.world.ongoing.values()].find((m) => m.participants.size > 3 && m.participants.size < 40 && m.chairForAdmins === "clear")!;
    const watcher = new MeetingWatcher(huawei, meeting.conferenceID, new MemoryHostPasswords(), { ...DEFAULT_TIMING, heartbeatMs: 300, pollMs: 200, unavailableRetryMs: 1_500 });
    try {
      void watcher.start();
      await until(() => watcher.status === "live");
      // The token can no longer renew itself, and the password it falls back on has changed.
      meeting.chairPassword = "changed-by-the-host";
      sim.confTokens.expireAll();
      await until(() => watcher.status === "unavailable");
      expect(watcher.statusReason).toBe("host_password_refused");
      // An admin's confDetail gives the new password in clear: the next try goes live again.
      await until(() => watcher.status === "live", 10_000);
    } finally {
      watcher.stop();
    }
  });
});
