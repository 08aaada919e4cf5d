import { benchStack, mb, meetingsForBench, processFigures, wait } from "./stack";
import { connectAll, WireViewer } from "./wire-client";

/**
 * Every viewer resubscribing at once, as after a restart of a load balancer or a network blip:
 * the time until all have their snapshot, and the server's CPU and memory; first the memory of
 * idle viewers (connected, following nothing).
 */
export async function reconnectStorm(n: number): Promise<void> {
  const stack = await benchStack({ RELAY_GRACE_MS: "120000" });
  try {
    const meetings = meetingsForBench(stack.sim);
    const warm = meetings.map(() => new WireViewer(stack.dash.url, stack.admin.sessionCookie));
    await connectAll(warm);
    await Promise.all(warm.map((v, i) => v.emit("subscribe", { topic: "meeting", conferenceID: meetings[i]!.conferenceID })));
    await until(() => warm.every((v) => v.snapshots > 0));
    await wait(3_000);
    const before = await processFigures(stack.admin);
    const viewers = Array.from({ length: n }, () => new WireViewer(stack.dash.url, stack.admin.sessionCookie));
    await connectAll(viewers);
    await wait(3_000);
    const idle = await processFigures(stack.admin);
    const perIdle = (idle.rss - before.rss) / n;
    const perIdleHeap = (idle.heap - before.heap) / n;

    // The storm: every viewer drops and comes back at once, and subscribes at once.
    viewers.forEach((v) => v.close());
    await wait(500);
    const fresh = Array.from({ length: n }, () => new WireViewer(stack.dash.url, stack.admin.sessionCookie));
    const start = await processFigures(stack.admin);
    const t0 = Date.now();
    await connectAll(fresh, 1_000, true);
    await Promise.all(fresh.map((v, i) => v.emit("subscribe", { topic: "meeting", conferenceID: meetings[i % meetings.length]!.conferenceID })));
    await until(() => fresh.every((v) => v.snapshots > 0));
    const allIn = Math.max(...fresh.map((v) => v.lastSnapshotAt)) - t0;
    const end = await processFigures(stack.admin);
    console.log(
      `reconnect storm, ${n.toLocaleString("en")} viewers over ${meetings.length} meetings: all resubscribed with their snapshot in ${(allIn / 1000).toFixed(1)} s; ` +
        `server CPU ${(end.cpu - start.cpu).toFixed(1)} s, RSS ${mb(start.rss)} → ${mb(end.rss)}; idle viewer ${(perIdle / 1024).toFixed(1)} KB RSS (${(perIdleHeap / 1024).toFixed(1)} KB heap)`,
    );
    [...warm, ...fresh].forEach((v) => v.close());
  } finally {
    await stack.stop();
  }
}

async function until(check: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("reconnect storm: not every viewer got its snapshot");
    await wait(50);
  }
}
