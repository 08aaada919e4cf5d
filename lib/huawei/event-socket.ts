import { EventEmitter } from "node:events";
import WebSocket from "ws";
import { KNOWN_PUSH_ACTIONS, pushFrameSchema, type PushFrame } from "./control-schemas";

export const SUBSCRIBE_TYPES = ["ConfBasicInfoNotify", "ConfDynamicInfoNotify", "ParticipantsNotify", "AttendeesNotify", "SpeakerChangeNotify"];
/** MCU meetings' media figures, asked for only where quality is wanted (not with QUALITY=off). */
const QUALITY_TYPE = "NetConditionNotify";
const WS_PATH = "/cms/open/websocket/confctl/increment/conn";

export interface EventSocketEvents {
  frame: [PushFrame];
  /** The socket is gone; `ended` when Huawei closed it because the meeting ended. */
  closed: [{ code: number; reason: string; ended: boolean }];
}

/** Huawei wants a random numeric string of 20 to 30 characters. */
function sequence(): string {
  return `00000000000000000${Date.now()}`;
}

/**
 * One meeting's push channel: connects with a one-time token, subscribes (data is a JSON
 * string, confToken `Basic base64(token)`), heartbeats, and declares the socket dead when a
 * heartbeat is still unanswered when the next one is due: at most two intervals after Huawei
 * was last heard, whatever the phase of the silence.
 */
export class MeetingEventSocket extends EventEmitter<EventSocketEvents> {
  private ws?: WebSocket;
  private heartbeat?: NodeJS.Timeout;
  private heard = 0;
  /** When the last heartbeat went out; 0 before the first. */
  private beatSentAt = 0;
  private done = false;

  constructor(private readonly opts: { wsUrl: string; conferenceID: string; wsToken: string; confToken: string; heartbeatMs: number; quality: boolean }) {
    super();
  }

  open(): void {
    const url = new URL(WS_PATH, this.opts.wsUrl);
    url.searchParams.set("confID", this.opts.conferenceID);
    url.searchParams.set("tmpToken", this.opts.wsToken);
    const ws = new WebSocket(url, { handshakeTimeout: 10_000 });
    this.ws = ws;
    this.heard = Date.now();
    ws.on("open", () => {
      this.send({
        sequence: sequence(),
        action: "Subscribe",
        data: JSON.stringify({ subscribeType: this.opts.quality ? [...SUBSCRIBE_TYPES, QUALITY_TYPE] : SUBSCRIBE_TYPES, confToken: `Basic ${Buffer.from(this.opts.confToken).toString("base64")}` }),
      });
      this.heartbeat = setInterval(() => this.beat(), this.opts.heartbeatMs);
    });
    ws.on("message", (raw) => this.onMessage(raw.toString()));
    ws.on("close", (code, reason) => this.finish(code, reason.toString()));
    ws.on("error", () => {
      ws.terminate();
      this.finish(1006, "socket error");
    });
  }

  close(): void {
    this.ws?.terminate();
    this.finish(1000, "closed by the dashboard");
  }

  /** When Huawei was last heard on this socket (a frame or a heartbeat answer). */
  get lastHeard(): number {
    return this.heard;
  }

  private beat(): void {
    if (this.beatSentAt && this.heard < this.beatSentAt) {
      // Half-open: the TCP connection stands but Huawei has stopped answering.
      this.ws?.terminate();
      this.finish(4000, "no heartbeat answer");
      return;
    }
    this.beatSentAt = Date.now();
    this.send({ sequence: sequence(), action: "HeartBeat" });
  }

  private send(frame: unknown): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private onMessage(text: string): void {
    this.heard = Date.now();
    let msg: { action?: string; data?: { returnCode?: number } };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg.action === "Subscribe" && msg.data?.returnCode !== 0) {
      // Refused: Huawei closes the socket next, and the watcher reconnects with a new token.
      this.ws?.terminate();
      this.finish(1008, "subscribe refused");
      return;
    }
    if (!msg.action || !KNOWN_PUSH_ACTIONS.has(msg.action as PushFrame["action"])) return;
    const frame = pushFrameSchema.safeParse(msg);
    if (frame.success) this.emit("frame", frame.data);
  }

  private finish(code: number, reason: string): void {
    if (this.done) return;
    this.done = true;
    clearInterval(this.heartbeat);
    this.emit("closed", { code, reason, ended: code === 1000 && /end/i.test(reason) });
  }
}
