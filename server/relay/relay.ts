import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { viewerFromCookieHeader, type Viewer } from "@/lib/auth/session";
import { NOT_FOUND_CODES } from "@/lib/huawei/error-codes";
import { changesRequestSchema, subscriptionSchema, type ParticipantChange, type Subscription, type UnavailableReason, type UpstreamLiveStatus } from "@/lib/domain/participant";
import type { AttentionThresholds } from "@/lib/domain/attention";
import { toWallMeeting } from "@/lib/domain/wall-meeting";
import { MeetingWatcher, type WatcherTiming } from "@/lib/live/meeting-watcher";
import type { Ack, ChangesAck, ClientToServerEvents, InterServerEvents, RemoteState, ServerToClientEvents, SocketData } from "@/lib/live/socket-contract";
import { logger } from "@/lib/logger";
import { scopeKey } from "@/lib/meetings/viewer-scope";
import type { Services } from "@/lib/services";
import type { Leases } from "./leases";
import { MeetingsFeed } from "./meetings-feed";
import { meetingsTopic, meetingTopic, TopicChannel, wallMeetingTopic, wallTopic, type TopicRef } from "./topic-channel";
import { WallFeed } from "./wall-feed";
import { PooledMeetingSource, WatcherPool } from "./watcher-pool";

export interface RelayOptions {
  /** How long a topic's upstream watcher outlives its last viewer. */
  graceMs: number;
  /** How often the ongoing-meetings list is polled while anyone watches it. */
  listPollMs: number;
  /** How often the upstream lease is claimed or renewed. */
  leaseRenewMs: number;
  timing: WatcherTiming;
  wall: { maxLive: number; thresholds: AttentionThresholds };
}

interface Source {
  status: UpstreamLiveStatus;
  statusSince: number;
  statusReason?: UnavailableReason;
  on(event: "update", fn: (data: unknown, sourceTime: number) => void): unknown;
  on(event: "status", fn: (status: UpstreamLiveStatus, since: number, reason?: UnavailableReason) => void): unknown;
  start(): unknown;
  stop(): void;
}

interface Topic {
  key: string;
  ref: TopicRef;
  room: string;
  channel: TopicChannel<unknown, unknown>;
  viewers: Set<string>;
  makeSource: () => Source;
  source?: Source;
  leaseTimer?: NodeJS.Timeout;
  grace?: NodeJS.Timeout;
}

type RelayServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

function statusOf(source: Source): RemoteState["status"] {
  return { upstream: source.status, since: source.statusSince, ...(source.statusReason ? { reason: source.statusReason } : {}) };
}

/**
 * The socket.io relay: one upstream source per watched topic, shared by every viewer and, with
 * the Redis adapter and leases, by every instance; patches fanned out through rooms.
 */
export class Relay {
  readonly io: RelayServer;
  private readonly topics = new Map<string, Topic>();
  /** One watcher per meeting in this process, shared by its meeting topic and the wall. */
  private readonly pool: WatcherPool;

  constructor(
    httpServer: HttpServer,
    private readonly services: Services,
    private readonly leases: Leases,
    private readonly opts: RelayOptions,
  ) {
    this.pool = new WatcherPool((id) => new MeetingWatcher(services.huawei, id, services.hostPasswords, opts.timing));
    this.io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(httpServer, {
      path: "/socket.io",
      serveClient: false,
      // Leave other upgrades (Next's hot reload in development) alone.
      destroyUpgrade: false,
      // Same origin only: the session cookie must not open a socket for another site's page.
      allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
    });
    this.io.use((socket, next) => {
      viewerFromCookieHeader(socket.request.headers.cookie)
        .then((viewer) => {
          if (!viewer) return next(new Error("unauthenticated: sign in first"));
          socket.data.viewer = viewer;
          next();
        })
        .catch(() => next(new Error("unauthenticated: sign in first")));
    });
    this.io.on("connection", (socket) => this.onConnection(socket));
    // Another instance asks for the state of a topic this one watches upstream.
    this.io.on("mm:state", (key, reply) => {
      const topic = this.topics.get(key);
      reply(topic?.source ? { snapshot: topic.channel.snapshot(), status: statusOf(topic.source) } : null);
    });
    this.io.on("mm:changes", (key, pid, reply) => {
      const topic = this.topics.get(key);
      reply(topic?.source && topic.ref.conferenceID ? (this.pool.peek(topic.ref.conferenceID)?.state.changesOf(pid) ?? null) : null);
    });
  }

  async close(): Promise<void> {
    for (const topic of this.topics.values()) {
      clearInterval(topic.leaseTimer);
      clearTimeout(topic.grace);
      topic.source?.stop();
      if (topic.source) await this.leases.release(topic.key).catch(() => undefined);
    }
    this.topics.clear();
    await this.io.close();
  }

  /** Ends the live sockets of a revoked display, on every instance (the room spans them through the adapter). */
  async disconnectDisplay(displayId: string): Promise<void> {
    this.io.in(displayRoom(displayId)).disconnectSockets(true);
  }

  private onConnection(socket: RelaySocket): void {
    const { viewer } = socket.data;
    if (viewer.displayId) void socket.join(displayRoom(viewer.displayId));
    const mine = new Set<string>();
    socket.on("subscribe", (raw, ack) => {
      void this.subscribe(socket, viewer, raw, mine).then(
        (answer) => ack?.(answer),
        (error: unknown) => ack?.({ ok: false, error: toAckError(error) }),
      );
    });
    socket.on("unsubscribe", (raw, ack) => {
      const sub = subscriptionSchema.safeParse(raw);
      if (!sub.success) return ack?.({ ok: false, error: { code: "bad_request", message: sub.error.issues[0]!.message } });
      const key = this.keyOf(sub.data, viewer);
      if (mine.delete(key)) this.leave(socket, key);
      ack?.({ ok: true });
    });
    socket.on("resync", (raw) => {
      const sub = subscriptionSchema.safeParse(raw);
      if (!sub.success) return;
      const key = this.keyOf(sub.data, viewer);
      if (mine.has(key)) void this.sendState(socket, this.topics.get(key)!);
    });
    socket.on("changes", (raw, ack) => {
      if (typeof ack !== "function") return;
      void this.changes(raw, mine).then(ack, (error: unknown) => ack({ ok: false, error: toAckError(error) }));
    });
    socket.on("disconnect", () => {
      for (const key of mine) this.leave(socket, key);
      mine.clear();
    });
  }

  /** `raw` is whatever the client sent, typed or not: it is parsed before anything else. */
  private async subscribe(socket: RelaySocket, viewer: Viewer, raw: unknown, mine: Set<string>): Promise<Ack> {
    const parsed = subscriptionSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false as const, error: { code: "bad_request", message: parsed.error.issues[0]!.message } };
    }
    const sub = parsed.data;
    if ((sub.topic === "wall" || sub.topic === "wall-meeting") && viewer.role === "host") {
      return { ok: false as const, error: { code: "forbidden", message: "The wall is for admins and wall displays." } };
    }
    // A meeting's frames carry invitees' numbers and e-mail addresses, which a wall display must not receive.
    if (sub.topic === "meeting" && viewer.role === "wall") {
      return { ok: false as const, error: { code: "forbidden", message: "A wall display sees the wall only." } };
    }
    // A host may watch only meetings Huawei shows them; this also rejects meetings not going on.
    if (sub.topic === "meeting" || sub.topic === "wall-meeting") await this.services.meetings.detail(viewer, sub.conferenceID);
    const key = this.keyOf(sub, viewer);
    const topic = this.topicFor(key, sub, viewer);
    clearTimeout(topic.grace);
    topic.grace = undefined;
    if (!mine.has(key)) {
      mine.add(key);
      topic.viewers.add(socket.id);
      await socket.join(topic.room);
    }
    await this.ensureLeaseLoop(topic);
    await this.sendState(socket, topic);
    return { ok: true as const };
  }

  /** A participant's changes, for a socket that watches that meeting's topic (here or on the instance watching it). */
  private async changes(raw: unknown, mine: Set<string>): Promise<ChangesAck> {
    const parsed = changesRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: "bad_request", message: parsed.error.issues[0]!.message } };
    const key = `meeting:${parsed.data.conferenceID}`;
    if (!mine.has(key)) return { ok: false, error: { code: "forbidden", message: "Subscribe to the meeting first." } };
    const local = this.topics.get(key)?.source ? this.pool.peek(parsed.data.conferenceID)?.state.changesOf(parsed.data.pid) : undefined;
    if (local) return { ok: true, changes: local };
    if (!this.leases.clustered) return { ok: true, changes: [] };
    const replies = (await Promise.race([
      this.io.serverSideEmitWithAck("mm:changes", key, parsed.data.pid),
      new Promise((resolve) => setTimeout(() => resolve([]), 2_500)),
    ])) as (ParticipantChange[] | null)[];
    return { ok: true, changes: replies.find((r) => r) ?? [] };
  }

  private keyOf(sub: Subscription, viewer: Viewer): string {
    if (sub.topic === "meeting") return `meeting:${sub.conferenceID}`;
    if (sub.topic === "wall") return `wall:${sub.mask}`;
    if (sub.topic === "wall-meeting") return `wall-meeting:${sub.conferenceID}:${sub.mask}`;
    return `meetings:${scopeKey(viewer)}`;
  }

  private topicFor(key: string, sub: Subscription, viewer: Viewer): Topic {
    let topic = this.topics.get(key);
    if (topic) return topic;
    const ref: TopicRef = sub.topic === "meeting" || sub.topic === "wall-meeting" ? { topic: sub.topic, conferenceID: sub.conferenceID } : { topic: sub.topic };
    const channel = newChannel(ref);
    const makeSource = (): Source => {
      if (sub.topic === "meeting") return new PooledMeetingSource(this.pool, sub.conferenceID);
      if (sub.topic === "wall-meeting") {
        const mask = sub.mask === "initials";
        return new PooledMeetingSource(this.pool, sub.conferenceID, (data) => toWallMeeting(data, mask));
      }
      if (sub.topic === "wall") {
        const wallViewer: Viewer = { username: "wall", role: "wall", huaweiUserId: null };
        return new WallFeed(this.services.meetings, wallViewer, this.pool, { listPollMs: this.opts.listPollMs, staleAfterMs: this.opts.timing.staleAfterMs, mask: sub.mask === "initials", ...this.opts.wall });
      }
      return new MeetingsFeed(this.services.meetings, viewer, this.opts.listPollMs, this.opts.timing.staleAfterMs);
    };
    topic = { key, ref, room: key, channel, viewers: new Set(), makeSource };
    this.topics.set(key, topic);
    return topic;
  }

  /** Claims (or renews) the upstream lease now and every leaseRenewMs while viewers remain. */
  private async ensureLeaseLoop(topic: Topic): Promise<void> {
    if (topic.leaseTimer) return;
    const tick = async () => {
      try {
        const owner = await this.leases.claim(topic.key);
        if (owner && !topic.source && this.topics.get(topic.key) === topic) await this.startSource(topic);
        if (!owner && topic.source) this.stopSource(topic);
      } catch (error) {
        logger.warn({ topic: topic.key, err: (error as Error).message }, "lease claim failed");
      }
    };
    topic.leaseTimer = setInterval(() => void tick(), this.opts.leaseRenewMs);
    await tick();
  }

  private async startSource(topic: Topic): Promise<void> {
    topic.channel.resumeFrom(await this.leases.lastSeq(topic.key));
    const source = topic.makeSource();
    topic.source = source;
    logger.info({ topic: topic.key, instance: this.leases.instanceId }, "watching upstream");
    source.on("update", (data: unknown, sourceTime: number) => {
      const out = topic.channel.publish(data, sourceTime);
      if (!out) return;
      const room = this.io.to(topic.room);
      if (out.event === "snapshot") room.emit("snapshot", out.payload);
      else room.emit("patch", out.payload);
      this.leases.saveSeq(topic.key, topic.channel.seq);
    });
    source.on("status", (upstream: UpstreamLiveStatus, since: number, reason?: UnavailableReason) => {
      this.io.to(topic.room).emit("status", { ...topic.ref, upstream, since, ...(reason ? { reason } : {}) });
    });
    source.start();
  }

  private stopSource(topic: Topic): void {
    topic.source?.stop();
    topic.source = undefined;
    topic.channel = newChannel(topic.ref);
  }

  /** Sends a socket the topic's current state, from this instance or from the one watching it. */
  private async sendState(socket: RelaySocket, topic: Topic): Promise<void> {
    if (topic.source) {
      // Before its first data (or when it cannot watch at all) the source still has a status to tell.
      const local = topic.channel.snapshot();
      if (local) socket.emit("snapshot", local);
      socket.emit("status", { ...topic.ref, ...statusOf(topic.source) });
      return;
    }
    // Starting here, or alone: the watcher's first update reaches the room as a snapshot.
    if (!this.leases.clustered) return;
    try {
      const replies = (await Promise.race([
        this.io.serverSideEmitWithAck("mm:state", topic.key),
        new Promise((_, reject) => setTimeout(() => reject(new Error("no answer")), 2_500)),
      ])) as (RemoteState | null)[];
      const state = replies.find((r) => r);
      if (state) {
        if (state.snapshot) socket.emit("snapshot", state.snapshot);
        socket.emit("status", { ...topic.ref, ...state.status });
      }
    } catch {
      // No instance answered in time: the lease loop will start a watcher here, whose first update is a snapshot.
    }
  }

  private leave(socket: RelaySocket, key: string): void {
    const topic = this.topics.get(key);
    if (!topic) return;
    topic.viewers.delete(socket.id);
    void socket.leave(topic.room);
    if (topic.viewers.size > 0 || topic.grace) return;
    topic.grace = setTimeout(() => void this.retire(topic), this.opts.graceMs);
  }

  /** After the grace period: stop watching unless viewers came back here or elsewhere in the cluster. */
  private async retire(topic: Topic): Promise<void> {
    topic.grace = undefined;
    if (topic.viewers.size > 0) return;
    if (topic.source) {
      const elsewhere = await this.io.in(topic.room).fetchSockets().then((s) => s.length, () => 0);
      if (elsewhere > 0) {
        topic.grace = setTimeout(() => void this.retire(topic), this.opts.graceMs);
        return;
      }
      this.stopSource(topic);
      await this.leases.release(topic.key).catch(() => undefined);
      logger.info({ topic: topic.key }, "stopped watching upstream: no viewers");
    }
    clearInterval(topic.leaseTimer);
    this.topics.delete(topic.key);
  }
}

/** No Origin (not a browser page) or this very host; `null` or a malformed Origin is refused, never thrown on. */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const displayRoom = (displayId: string) => `display:${displayId}`;

function newChannel(ref: TopicRef): TopicChannel<unknown, unknown> {
  if (ref.topic === "meeting") return new TopicChannel(ref, meetingTopic) as TopicChannel<unknown, unknown>;
  if (ref.topic === "wall") return new TopicChannel(ref, wallTopic) as TopicChannel<unknown, unknown>;
  if (ref.topic === "wall-meeting") return new TopicChannel(ref, wallMeetingTopic) as TopicChannel<unknown, unknown>;
  return new TopicChannel(ref, meetingsTopic) as TopicChannel<unknown, unknown>;
}

function toAckError(error: unknown): { code: string; message: string } {
  const e = error as { code?: string; kind?: string; message?: string };
  if (e?.code && NOT_FOUND_CODES.has(e.code)) {
    return { code: "not_found", message: "No such meeting going on, or it is not visible to you." };
  }
  if (e?.kind) return { code: "upstream_error", message: "Huawei Cloud Meeting could not be asked about this meeting; try again." };
  logger.error({ err: error }, "subscribe failed");
  return { code: "internal", message: "The subscription failed; the error was logged." };
}
