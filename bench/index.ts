import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { HuaweiClient } from "@/lib/huawei/client";
import { appAuthSignature } from "@/lib/huawei/signing";
import { SIMULATOR_APP_AUTH, simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import { Browser, startDashboard } from "@/tests/integration/dashboard";
import { eventually, LiveClient } from "@/tests/integration/live-client";
import { archiveBench } from "./archive-bench";
import { gridInChromium } from "./grid-in-chromium";
import { pushLatency } from "./push-latency";
import { reconnectStorm } from "./reconnect-storm";
import { replayBench } from "./replay-bench";
import { startCost } from "./start-cost";
import { upstreamEconomy } from "./upstream-economy";

// `npm run bench`: figures quoted in the README. Needs a build (`npm run build`). Runs every
// benchmark, or those named: `npm run bench -- basics start push cluster storm economy grid archive replay`;
// RUNS=N sets how many runs of the push benchmarks (default 3).

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  const asked = new Set(process.argv.slice(2));
  const run = (name: string) => asked.size === 0 || asked.has(name);
  if (run("basics")) await basics();
  if (run("start")) await startCost();
  const runs = Number(process.env.RUNS ?? 3);
  if (run("push")) await pushLatency({ viewers: 2_000, accounts: 10, instances: 1 }, runs);
  if (run("cluster")) await pushLatency({ viewers: 2_000, accounts: 10, instances: 3 }, runs);
  if (run("storm")) await reconnectStorm({ viewers: 6_000, accounts: 30 });
  if (run("economy")) await upstreamEconomy([1, 500]);
  if (run("grid")) await gridInChromium();
  if (run("archive")) await archiveBench();
  if (run("replay")) await replayBench();
}

/** The client's own costs, the list route under load, and fan-out to 200 sockets of one meeting. */
async function basics() {
  const n = 200_000;
  let t = performance.now();
  for (let i = 0; i < n; i++) appAuthSignature("key", "appid", "user", 1700000000 + i, "nonce-nonce-nonce-nonce-nonce-nonce");
  console.log(`HMAC App ID signatures: ${Math.round(n / ((performance.now() - t) / 1000)).toLocaleString("en")} per second`);

  const sim = await startSimulator({ tickMs: 0 });
  sim.world.setOngoing(1200);
  const client = new HuaweiClient({
    baseUrl: sim.url,
    auth: SIMULATOR_APP_AUTH,
    timeoutMs: 10_000,
    maxRetries: 2,
    requestsPerSecond: 20,
  });
  await client.listOnlineMeetings({ queryAll: true });
  const runs: number[] = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await client.listOnlineMeetings({ queryAll: true });
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`1,200 ongoing meetings read from the simulator (3 pages of 500): median ${percentile(runs, 50).toFixed(1)} ms`);

  const dataDir = mkdtempSync(path.join(tmpdir(), "mm-bench-"));
  const dash = await startDashboard(
    {
      ...simulatorEnv(sim.url),
      DASHBOARD_ADMIN_PASSWORD: "bench-password",
      LOG_LEVEL: "info",
    },
    dataDir,
  );
  try {
    const browser = new Browser(dash.url);
    await browser.login("admin", "bench-password");
    await browser.get("/api/meetings?limit=50");
    sim.stats.clear();
    const total = 2000;
    const concurrency = 50;
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next += 1;
          const s = performance.now();
          const res = await browser.get("/api/meetings?limit=50");
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const upstream = sim.stats.get("GET /v1/mmc/management/conferences/online") ?? 0;
    console.log(
      `GET /api/meetings (1,200 meetings, 50 concurrent viewers, ${total} requests): ${Math.round(total / seconds)} req/s, ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
        `upstream list calls ${upstream} in ${seconds.toFixed(1)} s`,
    );

    await relayFanOut(sim, dash.url, browser.sessionCookie);
  } finally {
    await dash.stop();
    await sim.close();
  }
}

/** From a change in the simulator to the patch in every one of 200 subscribed sockets. */
async function relayFanOut(sim: Simulator, url: string, cookie: string) {
  sim.world.setOngoing(24);
  const meeting = [...sim.world.ongoing.values()].sort((a, b) => b.participants.size - a.participants.size)[0]!;
  const clients = Array.from({ length: 200 }, () => new LiveClient(url, cookie));
  try {
    await Promise.all(clients.map((c) => c.connected()));
    await Promise.all(clients.map((c) => c.subscribe({ topic: "meeting", conferenceID: meeting.conferenceID })));
    await eventually(() => clients.every((c) => c.status === "live" && c.meeting.rows.size === meeting.participants.size), 20_000);
    const people = [...meeting.participants.values()].filter((p) => p.role === "participant");
    const lastArrivals: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 50; i++) {
      const p = people[i % people.length]!;
      const before = clients.map((c) => c.patches.length);
      const t0 = Date.now();
      sim.world.changeParticipant(meeting, p.pid, { muted: !p.muted });
      await eventually(() => clients.every((c, k) => c.patches.length > before[k]!), 5_000);
      lastArrivals.push(Math.max(...clients.map((c) => c.patches.at(-1)!.receivedAt)) - t0);
      bytes = JSON.stringify(clients[0]!.patches.at(-1)).length;
    }
    lastArrivals.sort((a, b) => a - b);
    console.log(
      `relay fan-out (${meeting.participants.size}-person meeting, 200 sockets, 50 mute changes): change to last socket p50 ${percentile(lastArrivals, 50)} ms, ` +
        `p95 ${percentile(lastArrivals, 95)} ms, max ${lastArrivals.at(-1)} ms; patch ${bytes} bytes; upstream sockets ${sim.events.openSessions(meeting.conferenceID)}`,
    );
  } finally {
    clients.forEach((c) => c.close());
  }
}

await main();
