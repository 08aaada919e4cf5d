import WebSocket from "ws";

/**
 * A socket.io viewer spoken at the wire (Engine.IO 4 over WebSocket), for benchmarks with
 * thousands of viewers in one process: it answers pings, subscribes with an ack, and for each
 * snapshot or patch records only when it arrived and its `sourceTime`, read with a regular
 * expression instead of parsing the whole frame, so the viewers' own CPU stays small beside the
 * server's and the figures measure the server.
 */
export class WireViewer {
  private ws?: WebSocket;
  private nextAck = 1;
  private readonly acks = new Map<number, (payload: string) => void>();
  /** Milliseconds from each frame's sourceTime to its arrival here. */
  readonly latencies: number[] = [];
  snapshots = 0;
  patches = 0;
  lastSnapshotAt = 0;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly path = "/socket.io/",
  ) {}

  connect(reconnect = false): Promise<void> {
    return new Promise((resolve, reject) => {
      const target = new URL(this.path, this.url);
      target.protocol = target.protocol.replace("http", "ws");
      target.search = "?EIO=4&transport=websocket";
      const ws = new WebSocket(target, { headers: { cookie: this.cookie }, perMessageDeflate: false });
      this.ws = ws;
      ws.on("message", (raw) => {
        const text = raw.toString();
        if (text === "2") return ws.send("3");
        if (text.startsWith("0")) return ws.send(`40${JSON.stringify({ reconnect })}`);
        if (text.startsWith("40")) return resolve();
        if (text.startsWith("44")) return reject(new Error(text));
        if (text.startsWith("43")) {
          const m = /^43(\d+)(.*)$/s.exec(text);
          const done = m ? this.acks.get(Number(m[1])) : undefined;
          if (m && done) {
            this.acks.delete(Number(m[1]));
            done(m[2]!);
          }
          return;
        }
        if (text.startsWith('42["patch"') || text.startsWith('42["snapshot"')) {
          const now = Date.now();
          const sourceTime = /"sourceTime":(\d+)/.exec(text);
          if (text.startsWith('42["snapshot"')) {
            this.snapshots += 1;
            this.lastSnapshotAt = now;
          } else {
            this.patches += 1;
            if (sourceTime) this.latencies.push(now - Number(sourceTime[1]));
          }
        }
      });
      ws.once("error", reject);
    });
  }

  /** Emits with an ack; resolves with the ack's raw JSON. */
  emit(event: string, payload: unknown): Promise<string> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.ws!.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.ws?.terminate();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Connects many viewers, a bounded number at a time (a machine's socket backlog is not infinite). */
export async function connectAll(viewers: readonly WireViewer[], atOnce = 200, reconnect = false): Promise<void> {
  for (let i = 0; i < viewers.length; i += atOnce) await Promise.all(viewers.slice(i, i + atOnce).map((v) => v.connect(reconnect)));
}
