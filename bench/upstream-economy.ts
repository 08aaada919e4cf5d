import { MemoryHostPasswords } from "@/lib/live/host-passwords";
import { MeetingWatcher } from "@/lib/live/meeting-watcher";
import { HuaweiClient } from "@/lib/huawei/client";
import { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { SIMULATOR_APP_AUTH } from "@/server/simulator/server";
import { benchStack, meetingsForBench, wait } from "./stack";
import { Fleet } from "./fleet";

const WINDOW_MS = 60_000;
const TIMING = { heartbeatMs: 60_000, pollMs: 5_000, reconcileMs: 60_000, staleAfterMs: 30_000, reconnectMaxMs: 30_000, unavailableRetryMs: 60_000, qualityMs: 15_000, presenceMs: 10_000 };

/** Huawei's quality calls: the metrics lists (health) and the network-quality snapshot (each person's mark). */
const isQuality = (key: string) => key.includes("/v1/metrics/") || key.includes("/cqs/media/qos");
/** The dashboard's default: the metrics list of ongoing meetings read this often. */
const HEALTH_POLL_MS = 30_000;

/**
 * What watching one meeting costs Huawei, per minute, with 1, 10 and 500 viewers: the dashboard
 * (each viewer opens the page and follows the meeting) beside a naive proxy written here, which
 * gives every viewer an upstream watcher of its own (quality snapshot included) and reads the
 * health list for each, as a relay without sharing would. Quality calls are counted apart.
 */
export async function upstreamEconomy(counts: number[]): Promise<void> {
  for (const n of counts) {
    // A hundred viewers an account: one person's limits are not what is measured here.
    const stack = await benchStack({ accounts: Math.ceil(n / 100) });
    try {
      const meeting = meetingsForBench(stack.sim).find((m) => m.participants.size === 100)!;
      // Not an MCU meeting: each person's mark is then polled (the costlier case), not pushed.
      meeting.confMode = "RTC";
      const calls = () => [...stack.sim.stats.values()].reduce((a, b) => a + b, 0);
      const qualityCalls = () => [...stack.sim.stats].filter(([key]) => isQuality(key)).reduce((a, [, n]) => a + n, 0);
      const sockets = () => stack.sim.events.connections;

      const c0 = calls();
      const q0 = qualityCalls();
      const s0 = sockets();
      // Each viewer opens the meeting's page (its detail) and follows the meeting live.
      const viewers = new Fleet(Array.from({ length: n }, (_, i) => ({ url: stack.dashes[0]!.url, cookie: stack.accounts[i % stack.accounts.length]!.sessionCookie, conferenceID: meeting.conferenceID })));
      await Promise.all(Array.from({ length: n }, (_, i) => stack.accounts[i % stack.accounts.length]!.get(`/api/meetings/${meeting.conferenceID}`)));
      await viewers.open();
      await wait(WINDOW_MS);
      const dashboard = { calls: calls() - c0, quality: qualityCalls() - q0, sockets: sockets() - s0 };
      viewers.close();
      // The naive proxy alone from here: the dashboard's own background reads would count against it.
      await Promise.all(stack.dashes.map((d) => d.stop()));

      // A generous timeout: 500 watchers starting at once are slow to answer, and their calls are what is counted.
      const client = new HuaweiClient({ baseUrl: stack.sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 60_000, maxRetries: 2, requestsPerSecond: 1_000 });
      const quality = new HuaweiQualityApi(client);
      const c1 = calls();
      const q1 = qualityCalls();
      const s1 = sockets();
      const naive = Array.from({ length: n }, () => new MeetingWatcher(client, meeting.conferenceID, new MemoryHostPasswords(), TIMING, undefined, quality));
      const healthReads = Array.from({ length: n }, () => setInterval(() => void quality.onlineMeetings().catch(() => undefined), HEALTH_POLL_MS));
      await Promise.all(
        naive.map(async (w) => {
          await client.meetingDetail({ queryAll: true }, meeting.conferenceID);
          await quality.onlineMeetings();
          await w.start();
        }),
      );
      await wait(WINDOW_MS);
      const proxy = { calls: calls() - c1, quality: qualityCalls() - q1, sockets: sockets() - s1 };
      healthReads.forEach((t) => clearInterval(t));
      naive.forEach((w) => w.stop());
      console.log(
        `upstream economy, ${n} viewer${n === 1 ? "" : "s"} of one ${meeting.participants.size}-person meeting, first minute: dashboard ${dashboard.calls} requests (${dashboard.quality} of them quality) and ${dashboard.sockets} push socket${dashboard.sockets === 1 ? "" : "s"}; ` +
          `naive per-viewer proxy ${proxy.calls} requests (${proxy.quality} quality) and ${proxy.sockets} push sockets`,
      );
    } finally {
      await stack.stop();
    }
  }
}
