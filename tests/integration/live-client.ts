import { io } from "socket.io-client";
import type { PatchEvent, StatusEvent, Subscription } from "@/lib/domain/participant";
import type { Ack, LiveClientSocket } from "@/lib/live/socket-contract";
import { meetingStore, meetingsStore, wallMeetingStore, wallStore } from "@/lib/live/stores";

/** A socket.io subscriber as a browser tab would be: it keeps the topic's state from snapshots and patches. */
export class LiveClient {
  readonly socket: LiveClientSocket;
  readonly meeting = meetingStore();
  readonly meetings = meetingsStore();
  readonly wall = wallStore();
  readonly wallMeeting = wallMeetingStore();
  /** What was subscribed, by topic and meeting, to ask for the same again after a gap. */
  private readonly subs = new Map<string, Subscription>();
  readonly statuses: StatusEvent[] = [];
  readonly patches: (PatchEvent & { receivedAt: number })[] = [];
  snapshots = 0;
  gaps = 0;

  constructor(url: string, cookie: string) {
    this.socket = io(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    this.socket.on("snapshot", (ev) => {
      this.snapshots += 1;
      this.store(ev.topic).applySnapshot(ev);
    });
    this.socket.on("patch", (ev) => {
      this.patches.push({ ...ev, receivedAt: Date.now() });
      if (this.store(ev.topic).applyPatch(ev) === "gap") {
        this.gaps += 1;
        const sub = this.subs.get(`${ev.topic}:${ev.conferenceID ?? ""}`);
        if (sub) this.socket.emit("resync", sub);
      }
    });
    this.socket.on("status", (ev) => this.statuses.push(ev));
  }

  private store(topic: "meeting" | "meetings" | "wall" | "wall-meeting") {
    return { meeting: this.meeting, meetings: this.meetings, wall: this.wall, "wall-meeting": this.wallMeeting }[topic];
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", (e) => reject(e));
    });
  }

  /** Sends what a browser would, or (for the tests of bad input) anything at all. */
  subscribe(sub: Subscription | Record<string, unknown>): Promise<Ack> {
    const conferenceID = "conferenceID" in sub && typeof sub.conferenceID === "string" ? sub.conferenceID : "";
    this.subs.set(`${String(sub.topic)}:${conferenceID}`, sub as Subscription);
    return this.socket.timeout(10_000).emitWithAck("subscribe", sub as Subscription);
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

/** The live clients a test file opens, connected on request and all closed after each test. */
export class OpenClients {
  private readonly open: LiveClient[] = [];

  constructor(private readonly url: () => string) {}

  async connect(cookie: string): Promise<LiveClient> {
    const c = new LiveClient(this.url(), cookie);
    this.open.push(c);
    await c.connected();
    return c;
  }

  closeAll(): void {
    while (this.open.length) this.open.pop()!.close();
  }
}
