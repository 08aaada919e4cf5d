import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import type { SimMeeting } from "@/server/simulator/types";
import { Browser, startDashboard, type Dashboard } from "@/tests/integration/dashboard";

export interface BenchStack {
  sim: Simulator;
  dash: Dashboard;
  admin: Browser;
  stop: () => Promise<void>;
}

/** The benchmarks' enterprise: 30 meetings of 20 to 1,000 people (about 5,000 in all). */
export const BENCH_SIZES = [1_000, 600, 400, 300, 200, 150, 100, 100, 100, 100, ...Array<number>(6).fill(60), ...Array<number>(6).fill(40), ...Array<number>(8).fill(20)];

/** A still simulator whose meetings have these sizes, and the built dashboard pointed at it, with limits opened for thousands of viewers of one admin account. */
export async function benchStack(env: Record<string, string> = {}, sizes: readonly number[] = BENCH_SIZES): Promise<BenchStack> {
  const sim = await startSimulator({ tickMs: 0, seed: 2026 });
  sim.world.setOngoing(sizes.length);
  const meetings = [...sim.world.ongoing.values()].sort((a, b) => b.participants.size - a.participants.size);
  sizes.forEach((size, i) => {
    const m = meetings[i]!;
    for (let k = m.participants.size; k < size; k++) sim.world.join(m, { name: `Bench guest ${i}-${k}` });
    for (const p of [...m.participants.values()].slice(size)) sim.world.leave(m, p.pid);
  });
  // Every meeting watchable by the admin account (no withheld host passwords in a benchmark).
  for (const m of sim.world.ongoing.values()) m.chairForAdmins = "clear";
  const dash = await startDashboard(
    {
      ...simulatorEnv(sim.url),
      DASHBOARD_ADMIN_PASSWORD: "bench-password",
      // startDashboard waits for the "listening" line, logged at info.
      LOG_LEVEL: "info",
      // Thousands of viewers of one admin account subscribing at once: the per-account limits opened.
      RELAY_MAX_MEETINGS_PER_USER: "1000",
      RELAY_REQUEST_BURST: "100000",
      HUAWEI_MAX_RPS: "200",
      ...env,
    },
    mkdtempSync(path.join(tmpdir(), "mm-bench-")),
  );
  const admin = new Browser(dash.url);
  if ((await admin.login("admin", "bench-password")).status !== 200) throw new Error("bench sign-in failed");
  return {
    sim,
    dash,
    admin,
    stop: async () => {
      await dash.stop();
      await sim.close();
    },
  };
}

/** The dashboard process's resident memory (bytes) and CPU seconds so far, from its own /metrics. */
export async function processFigures(admin: Browser): Promise<{ rss: number; cpu: number; heap: number }> {
  const text = await (await admin.get("/metrics")).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([\\d.e+]+)`, "m").exec(text)?.[1] ?? NaN);
  return { rss: value("process_resident_memory_bytes"), cpu: value("process_cpu_seconds_total"), heap: value("nodejs_heap_size_used_bytes") };
}

/** Meetings of 20 to about 1,000 people, the biggest first. */
export function meetingsForBench(sim: Simulator): SimMeeting[] {
  return [...sim.world.ongoing.values()].filter((m) => m.participants.size >= 20).sort((a, b) => b.participants.size - a.participants.size);
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
