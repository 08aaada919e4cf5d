import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface FleetViewerSpec {
  cookie: string;
  conferenceID: string;
}

export type FleetCommand =
  | { kind: "open"; url: string; viewers: FleetViewerSpec[] }
  | { kind: "progress" }
  | { kind: "reset" }
  | { kind: "collect" }
  | { kind: "drop" }
  | { kind: "close" };

export interface FleetProgress {
  kind: "progress";
  connected: number;
  withSnapshot: number;
  lastSnapshotAt: number;
  refusals: number;
  gaps: number;
}

export type FleetReply = { kind: "ready" } | FleetProgress | { kind: "latencies"; latencies: number[]; otherLatencies: number[] };

/** Viewers per child process: socket.io-client's own parsing for a thousand viewers fits one core's share. */
const PER_PROCESS = 1_000;

class FleetProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;

  constructor() {
    this.child = fork(path.join(import.meta.dirname, "viewer-fleet.ts"), { execArgv: ["--import", "tsx", "--max-old-space-size=4096"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.ready = new Promise((resolve) => this.child.once("message", () => resolve()));
  }

  async ask<K extends FleetReply["kind"]>(command: FleetCommand): Promise<Extract<FleetReply, { kind: K }>> {
    await this.ready;
    return new Promise((resolve) => {
      this.child.once("message", (m) => resolve(m as Extract<FleetReply, { kind: K }>));
      this.child.send(command);
    });
  }

  close(): void {
    this.child.send({ kind: "close" } satisfies FleetCommand);
    setTimeout(() => this.child.kill(), 2_000).unref();
  }
}

/**
 * Viewers using the real socket.io-client as the browser does, spread over child processes so
 * thousands fit and their parsing does not run in the benchmark's own event loop. `urls` lets
 * them spread over several instances (viewer i talks to urls[i % urls.length]).
 */
export class Fleet {
  private readonly processes: FleetProcess[] = [];

  constructor(private readonly specs: readonly (FleetViewerSpec & { url: string })[]) {
    for (let i = 0; i < specs.length; i += PER_PROCESS) this.processes.push(new FleetProcess());
  }

  get size(): number {
    return this.specs.length;
  }

  /** Connects every viewer (each subscribes on connect) and waits until each has its snapshot. */
  async open(timeoutMs = 180_000): Promise<FleetProgress> {
    await Promise.all(
      this.processes.map(async (p, k) => {
        const mine = this.specs.slice(k * PER_PROCESS, (k + 1) * PER_PROCESS);
        const byUrl = new Map<string, FleetViewerSpec[]>();
        for (const { url, ...spec } of mine) byUrl.set(url, [...(byUrl.get(url) ?? []), spec]);
        for (const [url, viewers] of byUrl) await p.ask({ kind: "open", url, viewers });
      }),
    );
    return this.untilAllHaveSnapshots(timeoutMs);
  }

  async progress(): Promise<FleetProgress> {
    const parts = await Promise.all(this.processes.map((p) => p.ask<"progress">({ kind: "progress" })));
    return parts.reduce((a, b) => ({
      kind: "progress",
      connected: a.connected + b.connected,
      withSnapshot: a.withSnapshot + b.withSnapshot,
      lastSnapshotAt: Math.max(a.lastSnapshotAt, b.lastSnapshotAt),
      refusals: a.refusals + b.refusals,
      gaps: a.gaps + b.gaps,
    }));
  }

  async untilAllHaveSnapshots(timeoutMs: number): Promise<FleetProgress> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = await this.progress();
      if (now.withSnapshot === this.size) return now;
      if (Date.now() > deadline) throw new Error(`only ${now.withSnapshot} of ${this.size} viewers have their snapshot (${now.refusals} refusals)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async reset(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.ask({ kind: "reset" })));
  }

  /** Latencies of the mute patches, and apart those of the other patches (see viewer-fleet.ts). */
  async latencies(): Promise<{ mute: number[]; other: number[] }> {
    const parts = await Promise.all(this.processes.map((p) => p.ask<"latencies">({ kind: "collect" })));
    return { mute: parts.flatMap((p) => p.latencies), other: parts.flatMap((p) => p.otherLatencies) };
  }

  /** Every viewer's transport drops at once; each reconnects and subscribes again by itself. */
  async drop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.ask({ kind: "drop" })));
  }

  close(): void {
    this.processes.forEach((p) => p.close());
  }
}
