import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { ConfTokenStore } from "./conf-tokens";
import { attendeesData, confBasicInfo, confDynamicInfo, FrameFactory, netCondition, pinfoMap } from "./push-frames";
import { levelAt, type NetLevel } from "./quality-model";
import type { SimMeeting, SimParticipant } from "./types";
import type { World } from "./world";

export const WS_PATH = "/cms/open/websocket/confctl/increment/conn";

/** How often an MCU meeting's session looks for people whose connection changed level (NetConditionNotify). */
const NET_CONDITION_MS = 2_000;

export interface EventSocketOptions {
  /** The socket is closed when no HeartBeat arrives for this long (Huawei: 180 s). */
  heartbeatTimeoutMs: number;
}

/** Per-connection fault switches, flipped by /__sim/ws. */
interface Session {
  confID: string;
  socket: WebSocket;
  /** Stops answering and pushing, as a half-dead connection would. */
  silent: boolean;
}

/**
 * The meeting-control push channel (§7): checks the one-time token, takes Subscribe, sends full
 * frames and then increments driven by the world, echoes HeartBeat, and closes when the meeting ends.
 */
export class PushSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private refuseNext = 0;
  connections = 0;

  constructor(
    private readonly world: World,
    private readonly confTokens: ConfTokenStore,
    private readonly opts: EventSocketOptions,
  ) {}

  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? "/", "http://sim");
      if (url.pathname !== WS_PATH) return void socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url.searchParams));
    });
  }

  /** Fault injection for tests. */
  fault(action: "drop" | "silence" | "refuse", conferenceID?: string, count = 1): number {
    if (action === "refuse") {
      this.refuseNext += count;
      return count;
    }
    let n = 0;
    for (const s of this.sessions) {
      if (conferenceID && s.confID !== conferenceID) continue;
      n += 1;
      if (action === "drop") s.socket.terminate();
      else s.silent = true;
    }
    return n;
  }

  /** Live subscribed sessions per meeting, so tests can count upstream watchers. */
  openSessions(conferenceID?: string): number {
    return [...this.sessions].filter((s) => !conferenceID || s.confID === conferenceID).length;
  }

  close(): void {
    for (const s of this.sessions) s.socket.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket, params: URLSearchParams): void {
    this.connections += 1;
    const confID = params.get("confID") ?? "";
    const tmpToken = params.get("tmpToken") ?? "";
    const valid = this.confTokens.takeWsToken(tmpToken, confID);
    if (this.refuseNext > 0 || !valid) {
      if (this.refuseNext > 0) this.refuseNext -= 1;
      ws.close(1008, "authentication failed");
      return;
    }
    const session: Session = { confID, socket: ws, silent: false };
    const frames = new FrameFactory(this.world.rng, confID);
    const sent = new Map<string, Record<string, string>>();
    const send = (frame: unknown) => {
      if (!session.silent && ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    let heartbeatTimer = setTimeout(() => ws.close(1000, "heartbeat timeout"), this.opts.heartbeatTimeoutMs);
    let subscribed = false;
    // NetConditionNotify: MCU meetings only, to a session that asked for it; a person is sent again when their level changes.
    let netTimer: NodeJS.Timeout | undefined;
    const netSent = new Map<string, NetLevel>();
    const sendNet = (meeting: SimMeeting, people: SimParticipant[], full: boolean) => {
      const now = Date.now();
      const changed = full ? people : people.filter((p) => netSent.get(p.pid) !== levelAt(meeting, p, now));
      for (const p of changed) netSent.set(p.pid, levelAt(meeting, p, now));
      if (full) send(frames.full("NetConditionNotify", { data: changed.map((p) => netCondition(meeting, p, now)) }));
      else if (changed.length) send(frames.incremental("NetConditionNotify", { data: changed.map((p) => netCondition(meeting, p, now)) }));
    };

    const onUpsert = (meeting: SimMeeting, p: SimParticipant) => {
      if (meeting.conferenceID !== confID || !subscribed) return;
      const next = pinfoMap(p);
      const before = sent.get(p.pid);
      const changed = before ? Object.fromEntries(Object.entries(next).filter(([k, v]) => before[k] !== v)) : next;
      sent.set(p.pid, next);
      if (Object.keys(changed).length) send(frames.incremental("ParticipantsNotify", { data: [{ pid: p.pid, mode: 0, pinfoMap: changed }] }));
      if (netTimer) sendNet(meeting, [p], false);
    };
    const onRemove = (meeting: SimMeeting, p: SimParticipant) => {
      if (meeting.conferenceID !== confID || !subscribed) return;
      sent.delete(p.pid);
      netSent.delete(p.pid);
      send(frames.incremental("ParticipantsNotify", { data: [{ pid: p.pid, mode: 1 }] }));
    };
    const onSpeakers = (meeting: SimMeeting, speakers: unknown[]) => {
      if (meeting.conferenceID === confID && subscribed) send(frames.full("SpeakerChangeNotify", speakers.length ? { data: speakers } : {}));
    };
    const onLock = (meeting: SimMeeting) => {
      if (meeting.conferenceID === confID && subscribed) send(frames.full("ConfDynamicInfoNotify", confDynamicInfo(meeting, "Created")));
    };
    const onEnded = (meeting: SimMeeting) => {
      if (meeting.conferenceID !== confID) return;
      send(frames.full("ConfDynamicInfoNotify", confDynamicInfo(meeting, "Destroyed")));
      ws.close(1000, "conference ended");
    };
    this.world.on("participantUpserted", onUpsert);
    this.world.on("participantRemoved", onRemove);
    this.world.on("speakers", onSpeakers);
    this.world.on("meetingEnded", onEnded);
    this.world.on("meetingLocked", onLock);

    ws.on("message", (raw) => {
      let msg: { action?: string; sequence?: string; data?: unknown };
      try {
        msg = JSON.parse(raw.toString());
      } catch {
        return;
      }
      if (msg.action === "HeartBeat") {
        clearTimeout(heartbeatTimer);
        heartbeatTimer = setTimeout(() => ws.close(1000, "heartbeat timeout"), this.opts.heartbeatTimeoutMs);
        send({ sequence: msg.sequence, action: "HeartBeat" });
        return;
      }
      if (msg.action !== "Subscribe") return;
      let data: { subscribeType?: string[]; confToken?: string } = {};
      try {
        data = typeof msg.data === "string" ? JSON.parse(msg.data) : ((msg.data as typeof data) ?? {});
      } catch {
        data = {};
      }
      if (this.confTokens.conferenceOf(data.confToken) !== confID) {
        send({ action: "Subscribe", sequence: msg.sequence, data: { returnCode: 111072065, "returnDesc ": "CONF_NOT_FOUND_OR_AUTH_FAILED" } });
        ws.close(1008, "authentication failed");
        return;
      }
      const meeting = this.world.ongoing.get(confID);
      if (!meeting) {
        ws.close(1000, "conference ended");
        return;
      }
      send({ action: "Subscribe", sequence: msg.sequence, data: { returnCode: 0, "returnDesc ": "SUCCESS" } });
      subscribed = true;
      this.sessions.add(session);
      const types = new Set(data.subscribeType ?? []);
      if (types.has("ConfBasicInfoNotify")) send(frames.full("ConfBasicInfoNotify", confBasicInfo(meeting)));
      if (types.has("ConfDynamicInfoNotify")) send(frames.full("ConfDynamicInfoNotify", confDynamicInfo(meeting, "Created")));
      const all = [...meeting.participants.values()];
      for (const p of all) sent.set(p.pid, pinfoMap(p));
      send(frames.full("ParticipantsNotify", { data: all.map((p) => ({ pid: p.pid, mode: 0, pinfoMap: sent.get(p.pid) })) }));
      if (types.has("AttendeesNotify")) send(frames.full("AttendeesNotify", { data: attendeesData(meeting) }));
      if (types.has("NetConditionNotify") && meeting.confMode === "COMMON" && !netTimer) {
        sendNet(meeting, all, true);
        netTimer = setInterval(() => sendNet(meeting, [...meeting.participants.values()], false), NET_CONDITION_MS);
      }
    });

    ws.on("close", () => {
      clearTimeout(heartbeatTimer);
      clearInterval(netTimer);
      this.sessions.delete(session);
      this.world.off("participantUpserted", onUpsert);
      this.world.off("participantRemoved", onRemove);
      this.world.off("speakers", onSpeakers);
      this.world.off("meetingEnded", onEnded);
      this.world.off("meetingLocked", onLock);
    });
  }
}
