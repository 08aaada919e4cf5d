import { io, type Socket } from "socket.io-client";
import type { PatchEvent, SnapshotEvent, StatusEvent, Subscription } from "@/lib/domain/participant";
import { meetingStore, meetingsStore } from "@/lib/live/stores";

type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

/** A socket.io subscriber as a browser tab would be: it keeps the topic's state from snapshots and patches. */
export class LiveClient {
  readonly socket: Socket;
  readonly meeting = meetingStore();
  readonly meetings = meetingsStore();
  readonly statuses: StatusEvent[] = [];
  readonly patches: (PatchEvent & { receivedAt: number })[] = [];
  snapshots = 0;
  gaps = 0;

  constructor(url: string, cookie: string) {
    this.socket = io(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    this.socket.on("snapshot", (ev: SnapshotEvent) => {
      this.snapshots += 1;
      this.store(ev.topic).applySnapshot(ev);
    });
    this.socket.on("patch", (ev: PatchEvent) => {
      this.patches.push({ ...ev, receivedAt: Date.now() });
      if (this.store(ev.topic).applyPatch(ev) === "gap") {
        this.gaps += 1;
        this.socket.emit("resync", ev.topic === "meeting" ? { topic: "meeting", conferenceID: ev.conferenceID } : { topic: "meetings" });
      }
    });
    this.socket.on("status", (ev: StatusEvent) => this.statuses.push(ev));
  }

  private store(topic: "meeting" | "meetings") {
    return topic === "meeting" ? this.meeting : this.meetings;
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (e) => reject(e));
    });
  }

  subscribe(sub: Subscription | Record<string, unknown>): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck("subscribe", sub) as Promise<Ack>;
  }

  get status(): string | undefined {
    return this.statuses.at(-1)?.upstream;
  }

  close(): void {
    this.socket.close();
  }
}

/** Polls `check` until it holds or the time runs out. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
