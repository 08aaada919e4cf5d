import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { phoneNumber, randomPerson } from "@/server/simulator/names";
import { simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import type { SimMeeting } from "@/server/simulator/types";
import { addUser, Browser, startDashboard, type Dashboard } from "@/tests/integration/dashboard";
import { testPlace, type TestPlace } from "@/tests/stores";

export interface BenchStack {
  sim: Simulator;
  /** One instance, or several sharing a Redis (scale-out). */
  dashes: Dashboard[];
  /** One signed-in browser per admin account, each holding its session cookie. */
  accounts: Browser[];
  /** The private Redis of a scale-out stack, to read its traffic. */
  redisPort?: number;
  /** Where the (first) instance keeps its store: its SQLite file, or with several instances the env naming their PostgreSQL. */
  store: { dataDir: string; env: Record<string, string> };
  stop: () => Promise<void>;
}

/** The enterprise of the push benchmarks: 50 meetings of 20 to 1,000 people (4,550 in all). */
export const BENCH_SIZES = [1_000, 600, 400, 300, 200, 150, ...Array<number>(4).fill(100), ...Array<number>(10).fill(60), ...Array<number>(15).fill(40), ...Array<number>(15).fill(20)];

/** Invitee lists of a realistic size: more people invited than come (1,200 for the 1,000-person meeting). */
const INVITED_PER_PRESENT = 1.2;

export interface StackOptions {
  sizes?: readonly number[];
  /** Admin accounts the viewers sign in as (default limits apply to each). */
  accounts?: number;
  /** Dashboard instances; more than one share a private Redis. */
  instances?: number;
  env?: Record<string, string>;
}

/**
 * A still simulator whose meetings have the given sizes and invitee lists, and the built
 * dashboard (one or several instances) pointed at it with its default limits, several admin
 * accounts signed in. Only the host passwords are made available to the admin: a benchmark
 * watches every meeting.
 */
export async function benchStack(opts: StackOptions = {}): Promise<BenchStack> {
  const sizes = opts.sizes ?? BENCH_SIZES;
  const sim = await startSimulator({ tickMs: 0, seed: 2026 });
  sim.world.setOngoing(sizes.length);
  const meetings = [...sim.world.ongoing.values()].sort((a, b) => b.participants.size - a.participants.size);
  sizes.forEach((size, i) => shape(sim, meetings[i]!, size, i));
  for (const m of sim.world.ongoing.values()) m.chairForAdmins = "clear";

  const dataDir = mkdtempSync(path.join(tmpdir(), "mm-bench-"));
  const instances = opts.instances ?? 1;
  let redis: ChildProcess | undefined;
  let redisPort: number | undefined;
  let place: TestPlace | undefined;
  const cluster: Record<string, string> = {};
  if (instances > 1) {
    redisPort = await freePort();
    redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await untilListening(redisPort);
    // Scaled out as a deployment is: Redis, and the store in PostgreSQL rather than a shared SQLite file.
    place = await testPlace("postgres");
    Object.assign(cluster, { REDIS_URL: `redis://127.0.0.1:${redisPort}`, SESSION_SECRET: randomBytes(32).toString("hex"), ...place.env });
  }
  const accounts = opts.accounts ?? 1;
  for (let k = 0; k < accounts; k++) await addUser({ dataDir, env: cluster }, { username: `admin${k}`, password: `bench-password-${k}`, role: "admin" });
  // BENCH_PROFILE=DIR: each instance writes a CPU profile there when it stops, and a heap snapshot on SIGUSR2.
  const dir = process.env.BENCH_PROFILE;
  const profile = dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--diagnostic-dir=${dir}`, "--heapsnapshot-signal=SIGUSR2"] : [];
  const dashes: Dashboard[] = [];
  for (let i = 0; i < instances; i++) {
    dashes.push(
      await startDashboard(
        // startDashboard waits for the "listening" line, logged at info.
        { ...simulatorEnv(sim.url), DASHBOARD_ADMIN_PASSWORD: "bench-password", LOG_LEVEL: "info", ...cluster, ...opts.env },
        dataDir,
        profile,
      ),
    );
  }
  const browsers: Browser[] = [];
  for (let k = 0; k < accounts; k++) {
    const b = new Browser(dashes[0]!.url);
    if ((await b.login(`admin${k}`, `bench-password-${k}`)).status !== 200) throw new Error("bench sign-in failed");
    browsers.push(b);
  }
  return {
    sim,
    dashes,
    accounts: browsers,
    redisPort,
    store: { dataDir, env: place?.env ?? {} },
    stop: async () => {
      await Promise.all(dashes.map((d) => d.stop()));
      await sim.close();
      redis?.kill("SIGKILL");
      await place?.drop();
    },
  };
}

/** `size` people present, about 1.2 times as many invited: those present come from the invitees, the rest are absent. */
function shape(sim: Simulator, m: SimMeeting, size: number, index: number): void {
  for (const p of [...m.participants.values()].filter((p) => p.role !== "host").slice(size - 1)) sim.world.leave(m, p.pid);
  const numbers = new Set(m.invitees.map((i) => i.participantID));
  while (m.invitees.length < Math.round(size * INVITED_PER_PRESENT)) {
    const number = phoneNumber(sim.world.rng);
    if (numbers.has(number)) continue;
    numbers.add(number);
    m.invitees.push({ participantID: number, phone2: null, phone3: null, email: null, userUUID: null, accountId: null, name: randomPerson(sim.world.rng).name, type: "normal", deptName: null });
  }
  const present = new Set([...m.participants.values()].map((p) => p.number));
  for (const invitee of m.invitees) {
    if (m.participants.size >= size) break;
    if (!present.has(invitee.participantID)) sim.world.join(m, { name: invitee.name, number: invitee.participantID, account: invitee.accountId, userUUID: invitee.userUUID });
  }
  for (let k = m.participants.size; k < size; k++) sim.world.join(m, { name: `Bench guest ${index}-${k}` });
}

/**
 * A dashboard process's resident memory (bytes), heap and CPU seconds so far, from its own
 * /metrics, and the longest its event loop was held since the previous read (prom-client resets it on each).
 */
export async function processFigures(admin: Browser, url?: string): Promise<{ rss: number; cpu: number; heap: number; loopMaxMs: number }> {
  const res = url ? await fetch(`${url}/metrics`, { headers: { cookie: admin.sessionCookie } }) : await admin.get("/metrics");
  const text = await res.text();
  const value = (name: string) => Number(new RegExp(`^${name} ([\\d.e+]+)`, "m").exec(text)?.[1] ?? NaN);
  return { rss: value("process_resident_memory_bytes"), cpu: value("process_cpu_seconds_total"), heap: value("nodejs_heap_size_used_bytes"), loopMaxMs: value("nodejs_eventloop_lag_max_seconds") * 1000 };
}

/** Meetings of 20 to about 1,000 people, the biggest first. */
export function meetingsForBench(sim: Simulator): SimMeeting[] {
  return [...sim.world.ongoing.values()].filter((m) => m.participants.size >= 20).sort((a, b) => b.participants.size - a.participants.size);
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function untilListening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(true));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
    });
    if (up) return;
    await wait(50);
  }
  throw new Error("redis-server did not start");
}
