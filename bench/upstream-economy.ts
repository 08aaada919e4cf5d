import { MemoryHostPasswords } from "@/lib/live/host-passwords";
import { MeetingWatcher } from "@/lib/live/meeting-watcher";
import { HuaweiClient } from "@/lib/huawei/client";
import { SIMULATOR_APP_AUTH } from "@/server/simulator/server";
import { benchStack, meetingsForBench, wait } from "./stack";
import { Fleet } from "./fleet";

const WINDOW_MS = 60_000;
const TIMING = { heartbeatMs: 60_000, pollMs: 5_000, reconcileMs: 60_000, staleAfterMs: 30_000, reconnectMaxMs: 30_000, unavailableRetryMs: 60_000, qualityMs: 15_000 };

/**
 * What watching one meeting costs Huawei, per minute, with 1, 10 and 500 viewers: the dashboard
 * (each viewer opens the page and follows the meeting) beside a naive proxy written here, which
 * gives every viewer an upstream watcher of its own, as a relay without sharing would.
 */
export async function upstreamEconomy(counts: number[]): Promise<void> {
  for (const n of counts) {
    // A hundred viewers an account: one person's limits are not what is measured here.
    const stack = await benchStack({ accounts: Math.ceil(n / 100) });
    try {
      const meeting = meetingsForBench(stack.sim).find((m) => m.participants.size === 100)!;
      const calls = () => [...stack.sim.stats.values()].reduce((a, b) => a + b, 0);
      const sockets = () => stack.sim.events.connections;

      const c0 = calls();
      const s0 = sockets();
      // Each viewer opens the meeting's page (its detail) and follows the meeting live.
      const viewers = new Fleet(Array.from({ length: n }, (_, i) => ({ url: stack.dashes[0]!.url, cookie: stack.accounts[i % stack.accounts.length]!.sessionCookie, conferenceID: meeting.conferenceID })));
      await Promise.all(Array.from({ length: n }, (_, i) => stack.accounts[i % stack.accounts.length]!.get(`/api/meetings/${meeting.conferenceID}`)));
      await viewers.open();
      await wait(WINDOW_MS);
      const dashboard = { calls: calls() - c0, sockets: sockets() - s0 };
      viewers.close();

      const client = new HuaweiClient({ baseUrl: stack.sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 10_000, maxRetries: 2, requestsPerSecond: 1_000 });
      const c1 = calls();
      const s1 = sockets();
      const naive = Array.from({ length: n }, () => new MeetingWatcher(client, meeting.conferenceID, new MemoryHostPasswords(), TIMING));
      await Promise.all(
        naive.map(async (w) => {
          await client.meetingDetail({ queryAll: true }, meeting.conferenceID);
          await w.start();
        }),
      );
      await wait(WINDOW_MS);
      const proxy = { calls: calls() - c1, sockets: sockets() - s1 };
      naive.forEach((w) => w.stop());
      console.log(
        `upstream economy, ${n} viewer${n === 1 ? "" : "s"} of one ${meeting.participants.size}-person meeting, first minute: dashboard ${dashboard.calls} requests and ${dashboard.sockets} push socket${dashboard.sockets === 1 ? "" : "s"}; ` +
          `naive per-viewer proxy ${proxy.calls} requests and ${proxy.sockets} push sockets`,
      );
    } finally {
      await stack.stop();
    }
  }
}
