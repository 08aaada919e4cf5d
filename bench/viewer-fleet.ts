import { io } from "socket.io-client";
import type { Participant, Subscription } from "@/lib/domain/participant";
import type { LiveClientSocket } from "@/lib/live/socket-contract";
import { meetingStore } from "@/lib/live/stores";
import type { FleetCommand, FleetReply, FleetViewerSpec } from "./fleet";

// A child process holding many viewers that behave as the browser's live topic does
// (lib/client/live-topic.ts): the real socket.io-client with the browser's transports, subscribe
// on every connect, the real topic store (zod-parsed snapshots, patches applied to a copy), a
// resync on a gap, a passing refusal tried again 3 to 7 s later. The parent drives it over IPC.

const RETRIED = new Set(["rate_limited", "internal"]);

class Viewer {
  readonly socket: LiveClientSocket;
  private readonly store = meetingStore();
  private connectedBefore = false;
  snapshotAt = 0;
  refusals = 0;
  gaps = 0;

  constructor(
    url: string,
    spec: FleetViewerSpec,
    private readonly recorded: Recorded,
  ) {
    const sub: Subscription = { topic: "meeting", conferenceID: spec.conferenceID };
    this.socket = io(url, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      extraHeaders: { cookie: spec.cookie },
      forceNew: true,
      auth: (cb) => cb({ reconnect: this.connectedBefore }),
    });
    let retry: NodeJS.Timeout | undefined;
    const subscribe = () => {
      clearTimeout(retry);
      this.socket.emit("subscribe", sub, (ack) => {
        if (ack.ok) return;
        this.refusals += 1;
        if (RETRIED.has(ack.error.code) || ack.error.code.startsWith("upstream_")) retry = setTimeout(subscribe, 3_000 + Math.random() * 4_000);
      });
    };
    this.socket.on("connect", () => {
      this.connectedBefore = true;
      subscribe();
    });
    this.socket.on("snapshot", (ev) => {
      this.store.applySnapshot(ev);
      this.snapshotAt = Date.now();
    });
    this.socket.on("patch", (ev) => {
      const before = this.store.rows;
      const result = this.store.applyPatch(ev);
      if (result === "gap") {
        this.gaps += 1;
        this.socket.emit("resync", sub);
      }
      if (result !== "applied") return;
      // The benchmark drives mute changes: other patches (a quality level polled from Huawei) are counted apart.
      const muteChanged = (ev.upserts as Participant[]).some((row) => before.get(row.pid)?.muted !== row.muted);
      (muteChanged ? this.recorded.latencies : this.recorded.otherLatencies).push(Date.now() - ev.sourceTime);
    });
  }

  /** The network drops under it: the transport closes and socket.io-client reconnects by itself, as a browser's would. */
  drop(): void {
    this.snapshotAt = 0;
    this.socket.io.engine.close();
  }
}

const viewers: Viewer[] = [];
interface Recorded {
  /** Milliseconds from each applied mute patch's sourceTime (Huawei's createTime) to its arrival here. */
  latencies: number[];
  /** The same for patches that changed no one's mute (a quality level, from the time Huawei measured it). */
  otherLatencies: number[];
}
const recorded: Recorded = { latencies: [], otherLatencies: [] };

const reply = (message: FleetReply) => process.send!(message);

function progress(): FleetReply {
  return {
    kind: "progress",
    connected: viewers.filter((v) => v.socket.connected).length,
    withSnapshot: viewers.filter((v) => v.snapshotAt > 0).length,
    lastSnapshotAt: Math.max(0, ...viewers.map((v) => v.snapshotAt)),
    refusals: viewers.reduce((sum, v) => sum + v.refusals, 0),
    gaps: viewers.reduce((sum, v) => sum + v.gaps, 0),
  };
}

process.on("message", async (command: FleetCommand) => {
  switch (command.kind) {
    case "open":
      // A bounded number of handshakes at a time, as tabs opening over a morning would be.
      for (let i = 0; i < command.viewers.length; i += 100) {
        const batch = command.viewers.slice(i, i + 100).map((spec) => new Viewer(command.url, spec, recorded));
        viewers.push(...batch);
        await Promise.all(batch.map((v) => new Promise<void>((resolve) => (v.socket.connected ? resolve() : v.socket.once("connect", () => resolve())))));
      }
      return reply(progress());
    case "progress":
      return reply(progress());
    case "reset":
      recorded.latencies = [];
      recorded.otherLatencies = [];
      return reply(progress());
    case "collect":
      return reply({ kind: "latencies", latencies: recorded.latencies, otherLatencies: recorded.otherLatencies });
    case "drop":
      viewers.forEach((v) => v.drop());
      return reply(progress());
    case "close":
      viewers.forEach((v) => v.socket.close());
      process.exit(0);
  }
});
reply({ kind: "ready" });
