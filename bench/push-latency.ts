import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { toParticipant } from "@/lib/live/live-meeting-state";
import { pinfoMap } from "@/server/simulator/push-frames";
import { Random } from "@/server/simulator/random";
import type { SimMeeting } from "@/server/simulator/types";
import { benchStack, mb, meetingsForBench, processFigures, wait } from "./stack";
import { connectAll, percentile, WireViewer } from "./wire-client";

const RUN_MS = 20_000;

interface Run {
  latencies: number[];
  rss: number;
  cpuPercent: number;
}

/** The same change schedule for the dashboard and the floor: `rate` mute toggles a second, meetings weighted by size. */
function schedule(meetings: SimMeeting[], rate: number, seed: number): { meeting: SimMeeting; pid: string }[] {
  const rng = new Random(seed);
  const people = meetings.flatMap((m) => [...m.participants.keys()].map((pid) => ({ meeting: m, pid })));
  return Array.from({ length: Math.round((rate * RUN_MS) / 1000) }, () => people[rng.int(0, people.length - 1)]!);
}

async function drive(changes: { meeting: SimMeeting; pid: string }[], rate: number, apply: (c: { meeting: SimMeeting; pid: string }) => void): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < changes.length; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await wait(due - Date.now());
    apply(changes[i]!);
  }
}

function summary(run: Run): string {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, p99 ${percentile(sorted, 99)} ms (${sorted.length.toLocaleString("en")} deliveries); server RSS ${mb(run.rss)}, CPU ${run.cpuPercent.toFixed(0)}%`;
}

/** Push latency, upstream createTime to socket.io receipt, for the dashboard and for a bare socket.io server fed the same changes. */
export async function pushLatency(viewerCounts: number[], rate = 200): Promise<void> {
  for (const n of viewerCounts) {
    const stack = await benchStack({ RELAY_GRACE_MS: "60000" });
    const meetings = meetingsForBench(stack.sim);
    const people = meetings.reduce((sum, m) => sum + m.participants.size, 0);
    const changes = schedule(meetings, rate, n);
    let dashboard: Run;
    let perViewer = NaN;
    let perPerson = NaN;
    try {
      const base = await processFigures(stack.admin);
      // One viewer per meeting first: the watchers and their state, before the crowd.
      const first = meetings.map(() => new WireViewer(stack.dash.url, stack.admin.sessionCookie));
      await connectAll(first);
      await Promise.all(first.map((v, i) => v.emit("subscribe", { topic: "meeting", conferenceID: meetings[i]!.conferenceID })));
      await waitFor(() => first.every((v) => v.snapshots > 0), 60_000);
      await wait(3_000);
      const watching = await processFigures(stack.admin);
      perPerson = (watching.rss - base.rss) / people;
      const viewers = Array.from({ length: n - first.length }, () => new WireViewer(stack.dash.url, stack.admin.sessionCookie));
      await connectAll(viewers);
      await Promise.all(viewers.map((v, i) => v.emit("subscribe", { topic: "meeting", conferenceID: meetings[i % meetings.length]!.conferenceID })));
      const all = [...first, ...viewers];
      await waitFor(() => all.every((v) => v.snapshots > 0), 60_000);
      await wait(3_000);
      const crowd = await processFigures(stack.admin);
      perViewer = (crowd.rss - watching.rss) / viewers.length;
      for (const v of all) v.latencies.length = 0;
      const t0 = Date.now();
      await drive(changes, rate, ({ meeting, pid }) => {
        const p = meeting.participants.get(pid);
        if (p) stack.sim.world.changeParticipant(meeting, pid, { muted: !p.muted });
      });
      await wait(2_000);
      const after = await processFigures(stack.admin);
      dashboard = { latencies: all.flatMap((v) => v.latencies), rss: after.rss, cpuPercent: ((after.cpu - crowd.cpu) / ((Date.now() - t0) / 1000)) * 100 };
      all.forEach((v) => v.close());
    } finally {
      await stack.stop();
    }
    const floor = await floorRun(n, meetings, changes, rate);
    const ratio = percentile([...dashboard.latencies].sort((a, b) => a - b), 99) / percentile([...floor.latencies].sort((a, b) => a - b), 99);
    console.log(`push latency, ${n.toLocaleString("en")} viewers over ${meetings.length} meetings of ${meetings.at(-1)!.participants.size}–${meetings[0]!.participants.size} people (${people.toLocaleString("en")} watched), ${rate} changes/s for ${RUN_MS / 1000} s:`);
    console.log(`  dashboard: ${summary(dashboard)}`);
    console.log(`  bare socket.io floor: ${summary(floor)}`);
    console.log(`  p99 dashboard / floor: ${ratio.toFixed(2)}x; memory per viewer ${(perViewer / 1024).toFixed(1)} KB, per watched person ${(perPerson / 1024).toFixed(2)} KB`);
  }
}

async function floorRun(n: number, meetings: SimMeeting[], changes: { meeting: SimMeeting; pid: string }[], rate: number): Promise<Run> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "floor-server.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  try {
    const { port } = await new Promise<{ port: number }>((resolve) => child.once("message", (m) => resolve(m as { port: number })));
    const url = `http://127.0.0.1:${port}`;
    const viewers = Array.from({ length: n }, () => new WireViewer(url, ""));
    await connectAll(viewers);
    await Promise.all(viewers.map((v, i) => v.emit("subscribe", { topic: "meeting", conferenceID: meetings[i % meetings.length]!.conferenceID })));
    const figures = () => new Promise<{ rss: number; cpu: number }>((resolve) => {
      child.once("message", (m) => resolve(m as { rss: number; cpu: number }));
      child.send({ kind: "figures" });
    });
    const before = await figures();
    const t0 = Date.now();
    await drive(changes, rate, ({ meeting, pid }) => {
      const p = meeting.participants.get(pid);
      if (!p) return;
      p.muted = !p.muted;
      child.send({ kind: "change", conferenceID: meeting.conferenceID, sourceTime: Date.now(), row: toParticipant(pid, pinfoMap(p), undefined) });
    });
    await wait(2_000);
    const after = await figures();
    viewers.forEach((v) => v.close());
    return { latencies: viewers.flatMap((v) => v.latencies), rss: after.rss, cpuPercent: ((after.cpu - before.cpu) / ((Date.now() - t0) / 1000)) * 100 };
  } finally {
    child.kill();
  }
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("benchmark setup timed out");
    await wait(50);
  }
}
