import { Fleet } from "./fleet";
import { benchStack, mb, meetingsForBench, processFigures, wait } from "./stack";

/**
 * Every viewer's network drops at once (a load balancer restarted, a Wi-Fi blip across a
 * building): each socket.io-client reconnects by itself with its own backoff and subscribes
 * again, under the default limits. The time until every viewer has its snapshot again, and the
 * server's CPU and memory.
 */
export async function reconnectStorm(shape: { viewers: number; accounts: number }): Promise<void> {
  const stack = await benchStack({ accounts: shape.accounts, env: { RELAY_GRACE_MS: "120000" } });
  const admin = stack.accounts[0]!;
  const meetings = meetingsForBench(stack.sim);
  const perAccount = Math.ceil(shape.viewers / shape.accounts);
  const fleet = new Fleet(
    Array.from({ length: shape.viewers }, (_, i) => ({
      url: stack.dashes[0]!.url,
      cookie: stack.accounts[Math.floor(i / perAccount)]!.sessionCookie,
      conferenceID: meetings[i % meetings.length]!.conferenceID,
    })),
  );
  try {
    const before = await processFigures(admin);
    await fleet.open(300_000);
    await wait(3_000);
    const start = await processFigures(admin);
    const t0 = Date.now();
    await fleet.drop();
    const back = await fleet.untilAllHaveSnapshots(300_000);
    const end = await processFigures(admin);
    console.log(
      `reconnect storm, ${shape.viewers.toLocaleString("en")} socket.io-client viewers of ${shape.accounts} accounts (default limits) over ${meetings.length} meetings, all dropped at once: ` +
        `every one had its snapshot again in ${((back.lastSnapshotAt - t0) / 1000).toFixed(1)} s (${back.refusals} refusals, retried); ` +
        `server CPU ${(end.cpu - start.cpu).toFixed(1)} s, RSS ${mb(start.rss)} → ${mb(end.rss)}; ${((start.rss - before.rss) / shape.viewers / 1024).toFixed(1)} KB RSS per subscribed viewer`,
    );
  } finally {
    fleet.close();
    await stack.stop();
  }
}
