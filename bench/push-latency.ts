import { MeetingEventsTable } from "@/lib/store/meeting-events-table";
import { Store } from "@/lib/store/store";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Redis } from "ioredis";
import type { MeetingTopicData } from "@/lib/domain/participant";
import type { ParticipantQuality } from "@/lib/domain/quality";
import { toParticipant } from "@/lib/live/live-meeting-state";
import { pinfoMap } from "@/server/simulator/push-frames";
import { Random } from "@/server/simulator/random";
import type { SimMeeting } from "@/server/simulator/types";
import { speakersIn } from "@/server/simulator/world";
import { Fleet, type FleetViewerSpec } from "./fleet";
import { benchStack, mb, meetingsForBench, processFigures, wait, type BenchStack } from "./stack";

const RUN_MS = 15_000;
const RATE = 200;

export interface PushShape {
  viewers: number;
  accounts: number;
  instances: number;
}

interface Change {
  meeting: SimMeeting;
  pid: string;
}

interface Figures {
  latencies: number[];
  /** Patches that changed no one's mute: quality levels polled from Huawei, aged from when Huawei measured them. */
  others: number[];
  expected: number;
  rss: number;
  cpuPercent: number;
  /** The dashboard's longest event-loop hold while the changes ran. */
  loopMaxMs?: number;
  /** This process's CPU meanwhile: the simulator (Huawei's side, quality answers included) and the driver, on the same cores. */
  simulatorCpuPercent?: number;
}

/** The same changes for the dashboard and the floor: mute toggles of people drawn evenly, so big meetings change most. */
function schedule(meetings: SimMeeting[], seed: number): Change[] {
  const rng = new Random(seed);
  const people = meetings.flatMap((m) => [...m.participants.keys()].map((pid) => ({ meeting: m, pid })));
  return Array.from({ length: Math.round((RATE * RUN_MS) / 1000) }, () => people[rng.int(0, people.length - 1)]!);
}

async function drive(changes: Change[], apply: (c: Change) => void, everySecond?: () => void): Promise<void> {
  const started = Date.now();
  const timer = everySecond ? setInterval(everySecond, 1_000) : undefined;
  try {
    for (let i = 0; i < changes.length; i++) {
      const due = started + (i * 1000) / RATE;
      if (due > Date.now()) await wait(due - Date.now());
      apply(changes[i]!);
    }
  } finally {
    clearInterval(timer);
  }
}

/**
 * BENCH_SPEAKERS=on: every meeting says who is speaking once a second (SpeakerChangeNotify; the
 * simulator's three loudest are its first three unmuted), as a meeting where people talk does. The
 * dashboard pushes the list when it changes (and logs who started and stopped); the floor is sent
 * the same lists and broadcasts them the same way.
 */
const withSpeakers = process.env.BENCH_SPEAKERS === "on";


export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const pcts = (latencies: number[]) => {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
};

function line(f: Figures): string {
  const { p50, p95, p99 } = pcts(f.latencies);
  const others = f.others.length ? `; besides, ${f.others.length.toLocaleString("en")} ${withSpeakers ? "quality and speaker patches" : "quality patches"} (age from Huawei's measure p50 ${pcts(f.others).p50} ms)` : "";
  return `p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms; delivered ${f.latencies.length.toLocaleString("en")} of ${f.expected.toLocaleString("en")}${others}; server RSS ${mb(f.rss)}, CPU ${f.cpuPercent.toFixed(0)}%${f.loopMaxMs === undefined ? "" : `, event loop held at most ${f.loopMaxMs.toFixed(0)} ms`}${f.simulatorCpuPercent === undefined ? "" : `; simulator and driver CPU ${f.simulatorCpuPercent.toFixed(0)}%`}`;
}

/** Viewer i watches meeting i mod 50, signed in as account floor(i / (n / accounts)): every account's viewers cover every meeting. */
function viewerSpecs(stack: BenchStack, meetings: SimMeeting[], n: number): (FleetViewerSpec & { url: string })[] {
  const perAccount = Math.ceil(n / stack.accounts.length);
  return Array.from({ length: n }, (_, i) => ({
    url: stack.dashes[i % stack.dashes.length]!.url,
    cookie: stack.accounts[Math.floor(i / perAccount)]!.sessionCookie,
    conferenceID: meetings[i % meetings.length]!.conferenceID,
  }));
}

const expectedDeliveries = (changes: Change[], specs: FleetViewerSpec[]) => {
  const viewersOf = new Map<string, number>();
  for (const s of specs) viewersOf.set(s.conferenceID, (viewersOf.get(s.conferenceID) ?? 0) + 1);
  return changes.reduce((sum, c) => sum + (viewersOf.get(c.meeting.conferenceID) ?? 0), 0);
};

async function redisTraffic(port: number | undefined): Promise<{ publishes: number; bytes: number } | undefined> {
  if (!port) return undefined;
  const redis = new Redis(port, "127.0.0.1", { lazyConnect: true });
  await redis.connect();
  const stats = await redis.info("stats");
  const commands = await redis.info("commandstats");
  redis.disconnect();
  const num = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  return {
    publishes: num(commands, /cmdstat_publish:calls=(\d+)/) + num(commands, /cmdstat_spublish:calls=(\d+)/),
    bytes: num(stats, /total_net_input_bytes:(\d+)/) + num(stats, /total_net_output_bytes:(\d+)/),
  };
}

/** One run against the dashboard, then the floor with the same viewers and changes. */
async function pushRun(shape: PushShape, seed: number): Promise<{ dashboard: Figures; floor: Figures; perViewer: number; redis?: { publishes: number; bytes: number } }> {
  // BENCH_QUALITY=off measures the same without Huawei's quality data (QUALITY=off), to see what it costs;
  // BENCH_QUALITY=no-snapshots keeps health and pushed marks but never polls each person's snapshot, to split that cost off.
  // BENCH_REPLAY=off runs without the replay's event log (REPLAY=off), the floor of what keeping it costs.
  const variants: Record<string, Record<string, string>> = { off: { QUALITY: "off" }, "no-snapshots": { QUALITY_LIVE_POLL_MS: String(24 * 3_600_000) } };
  const variant = { ...(variants[process.env.BENCH_QUALITY ?? ""] ?? {}), ...(process.env.BENCH_REPLAY === "off" ? { REPLAY: "off" } : {}) };
  const stack = await benchStack({ accounts: shape.accounts, instances: shape.instances, env: { RELAY_GRACE_MS: "60000", ...variant } });
  const meetings = meetingsForBench(stack.sim);
  const changes = schedule(meetings, seed);
  const specs = viewerSpecs(stack, meetings, shape.viewers);
  const admin = stack.accounts[0]!;
  const figures = () => Promise.all(stack.dashes.map((d) => processFigures(admin, d.url))).then((all) => all.reduce((a, b) => ({ rss: a.rss + b.rss, cpu: a.cpu + b.cpu, heap: a.heap + b.heap, loopMaxMs: Math.max(a.loopMaxMs, b.loopMaxMs) })));
  let dashboard: Figures;
  let perViewer: number;
  let redis: { publishes: number; bytes: number } | undefined;
  // The watchers first (one viewer per meeting), so the crowd's memory is the viewers' alone.
  const first = new Fleet(specs.slice(0, meetings.length));
  const crowd = new Fleet(specs.slice(meetings.length));
  try {
    await first.open();
    await wait(3_000);
    const watching = await figures();
    await crowd.open();
    await wait(3_000);
    const full = await figures();
    perViewer = (full.rss - watching.rss) / crowd.size;
    await Promise.all([first.reset(), crowd.reset()]);
    const r0 = await redisTraffic(stack.redisPort);
    // Read once so the event-loop figure covers the changes alone.
    await figures();
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    await drive(
      changes,
      ({ meeting, pid }) => {
        const p = meeting.participants.get(pid);
        if (p) stack.sim.world.changeParticipant(meeting, pid, { muted: !p.muted });
      },
      withSpeakers ? () => meetings.forEach((m) => stack.sim.world.announceSpeakers(m)) : undefined,
    );
    await wait(2_000);
    const cpu1 = process.cpuUsage(cpu0);
    const after = await figures();
    // A heap snapshot stops the process for seconds: only once the changes are measured.
    if (process.env.BENCH_PROFILE) stack.dashes.forEach((d) => d.process.kill("SIGUSR2"));
    const r1 = await redisTraffic(stack.redisPort);
    if (r0 && r1) redis = { publishes: (r1.publishes - r0.publishes) / changes.length, bytes: (r1.bytes - r0.bytes) / changes.length };
    if (process.env.BENCH_REPLAY !== "off") await reportLogWrites(stack.store, t0, Date.now());
    const seen = await Promise.all([first.latencies(), crowd.latencies()]);
    dashboard = {
      latencies: seen.flatMap((s) => s.mute),
      others: seen.flatMap((s) => s.other),
      expected: expectedDeliveries(changes, specs),
      rss: after.rss,
      cpuPercent: ((after.cpu - full.cpu) / ((Date.now() - t0) / 1000)) * 100,
      loopMaxMs: after.loopMaxMs,
      simulatorCpuPercent: ((cpu1.user + cpu1.system) / 1000 / (Date.now() - t0)) * 100,
    };
  } finally {
    first.close();
    crowd.close();
    await stack.stop();
  }
  const floor = await floorRun(meetings, specs, changes);
  return { dashboard, floor, perViewer, redis };
}

/** The replay's log written while the changes ran: what the recorder sustained beside the pushes. */
async function reportLogWrites(where: { dataDir: string; env: Record<string, string> }, from: number, to: number): Promise<void> {
  const store = await Store.fromEnv(where.env, where.dataDir);
  try {
    const count = await new MeetingEventsTable(store).countSeen(from, to);
    console.log(`  replay log: ${count.toLocaleString("en")} changes written while the changes ran, ${Math.round(count / ((to - from) / 1000)).toLocaleString("en")} a second`);
  } finally {
    await store.close();
  }
}

/**
 * Push latency as viewers see it: from Huawei's createTime of a mute change to its patch applied
 * in a viewer's topic store, through the real socket.io-client, for the dashboard and for a bare
 * socket.io server fed the same changes, in several runs.
 */
export async function pushLatency(shape: PushShape, runs: number): Promise<void> {
  const where = shape.instances > 1 ? `${shape.instances} instances on a Redis adapter` : "one instance";
  console.log(
    `push latency, ${where}: ${shape.viewers.toLocaleString("en")} socket.io-client viewers signed in as ${shape.accounts} admin accounts (default limits), ` +
      `50 meetings of 20–1,000 people with 1.2x as many invitees, ${RATE} mute changes/s for ${RUN_MS / 1000} s${withSpeakers ? ", and every meeting saying who speaks once a second" : ""}`,
  );
  const ratios: string[] = [];
  const pooled = { dashboard: [] as number[], floor: [] as number[] };
  for (let run = 1; run <= runs; run++) {
    const { dashboard, floor, perViewer, redis } = await pushRun(shape, run);
    const d = pcts(dashboard.latencies);
    const f = pcts(floor.latencies);
    console.log(`  run ${run} dashboard: ${line(dashboard)}; memory per viewer ${(perViewer / 1024).toFixed(1)} KB`);
    if (redis) console.log(`  run ${run} Redis per change: ${redis.publishes.toFixed(1)} publishes, ${(redis.bytes / 1024).toFixed(1)} KB in and out`);
    console.log(`  run ${run} bare socket.io floor: ${line(floor)}`);
    const ratio = `p50 ${(d.p50 / f.p50).toFixed(2)}x, p99 ${(d.p99 / f.p99).toFixed(2)}x`;
    console.log(`  run ${run} dashboard / floor: ${ratio}`);
    ratios.push(ratio);
    pooled.dashboard.push(...dashboard.latencies);
    pooled.floor.push(...floor.latencies);
  }
  console.log(`  every run, dashboard / floor: ${ratios.join("; ")}`);
  // One run's p99 rests on about 1,200 deliveries and moves 2x from run to run on shared cores: all runs together are steadier.
  const d = pcts(pooled.dashboard);
  const f = pcts(pooled.floor);
  console.log(`  all runs pooled: dashboard p50 ${d.p50} ms, p95 ${d.p95} ms, p99 ${d.p99} ms; floor p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms; p95 ${(d.p95 / f.p95).toFixed(2)}x, p99 ${(d.p99 / f.p99).toFixed(2)}x`);
}

/** The floor's rows carry a connection mark as the dashboard's do, so both send rows of the same size (unless quality is off). */
function floorQuality(): ParticipantQuality | undefined {
  if (process.env.BENCH_QUALITY === "off") return undefined;
  return { level: "good", latencyMs: 48, jitterMs: 6, lossPercent: 1.2, at: new Date().toISOString() };
}

/** The floor: a bare socket.io server (bench/floor-server.ts) with the same viewers and the same changes. */
async function floorRun(meetings: SimMeeting[], specs: FleetViewerSpec[], changes: Change[]): Promise<Figures> {
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.join(process.env.BENCH_PROFILE, "floor")}`] : [];
  const child: ChildProcess = fork(path.join(import.meta.dirname, "floor-server.ts"), { execArgv: [...profile, "--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = <T>(message?: unknown) =>
    new Promise<T>((resolve) => {
      child.once("message", (m) => resolve(m as T));
      if (message) child.send(message);
    });
  let viewers: Fleet | undefined;
  try {
    const { port } = await ask<{ port: number }>();
    const url = `http://127.0.0.1:${port}`;
    const data: Record<string, MeetingTopicData> = {};
    for (const m of meetings) {
      data[m.conferenceID] = {
        meeting: { conferenceID: m.conferenceID, subject: m.subject, hostName: null, startTime: null, endTime: null, state: "ongoing", locked: false, recording: false, coverage: "full" },
        participants: [...m.participants.values()].map((p) => toParticipant(p.pid, pinfoMap(p), undefined, floorQuality())),
        attendees: [],
        speakers: [],
      };
    }
    await ask({ kind: "meetings", data });
    viewers = new Fleet(specs.map((s) => ({ ...s, url })));
    await viewers.open();
    const before = await ask<{ rss: number; cpu: number }>({ kind: "figures" });
    const t0 = Date.now();
    const spoken = new Map<string, string>();
    await drive(
      changes,
      ({ meeting, pid }) => {
        const p = meeting.participants.get(pid);
        if (!p) return;
        p.muted = !p.muted;
        child.send({ kind: "change", conferenceID: meeting.conferenceID, sourceTime: Date.now(), row: toParticipant(pid, pinfoMap(p), undefined, floorQuality()) });
      },
      withSpeakers
        ? () => {
            for (const m of meetings) {
              const speakers = speakersIn(m).map((p) => p.pid);
              if (spoken.get(m.conferenceID) === speakers.join()) continue;
              spoken.set(m.conferenceID, speakers.join());
              child.send({ kind: "speakers", conferenceID: m.conferenceID, sourceTime: Date.now(), speakers });
            }
          }
        : undefined,
    );
    await wait(2_000);
    const after = await ask<{ rss: number; cpu: number }>({ kind: "figures" });
    const { mute: latencies, other: others } = await viewers.latencies();
    return { latencies, others, expected: expectedDeliveries(changes, specs), rss: after.rss, cpuPercent: ((after.cpu - before.cpu) / ((Date.now() - t0) / 1000)) * 100 };
  } finally {
    viewers?.close();
    // SIGTERM's default would skip the CPU profile: the floor exits by itself on a disconnect.
    child.disconnect();
  }
}
