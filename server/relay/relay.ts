import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { HandMemory } from "@/lib/live/hand-memory";
import { MeetingWatcher } from "@/lib/live/meeting-watcher";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@/lib/live/socket-contract";
import type { LiveMeeting, MeetingTopicData, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { LivePeopleNow } from "@/lib/people/present-people";
import type { Services } from "@/lib/services";
import { allowSameOriginRequest, authenticateHandshakes } from "./handshake";
import type { Leases } from "./leases";
import type { RelayOptions } from "./relay-options";
import { serveSocket } from "./socket-protocol";
import { DEFAULT_LIMITS, SubscriptionLimits } from "./subscription-limits";
import { TopicRegistry } from "./topic-registry";
import type { RelayServer } from "./types";
import { WatcherPool } from "./watcher-pool";

export type { RelayOptions } from "./relay-options";

/**
 * The socket.io relay: handshakes authenticated (handshake.ts), each socket served by the
 * contract (socket-protocol.ts), and one upstream source per watched topic shared by every
 * viewer and, with the Redis adapter and leases, by every instance (topic-registry.ts).
 */
export class Relay {
  readonly io: RelayServer;
  readonly registry: TopicRegistry;
  /** One watcher per meeting in this process, shared by its meeting topic and the wall. */
  readonly pool: WatcherPool;
  private accepting = true;

  private readonly recorder?: RelayOptions["recorder"];

  constructor(httpServer: HttpServer, services: Services, leases: Leases, opts: RelayOptions) {
    this.recorder = opts.recorder;
    const hands = new HandMemory();
    this.pool = new WatcherPool((id) => new MeetingWatcher(services.huawei, id, services.hostPasswords, opts.timing, hands, services.qualityOn ? services.quality : undefined, opts.recorder?.forMeeting(id)));
    this.io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(httpServer, {
      path: "/socket.io",
      serveClient: false,
      // Leave other upgrades (Next's hot reload in development) alone.
      destroyUpgrade: false,
      allowRequest: (req, callback) => (this.accepting ? allowSameOriginRequest(req, callback) : callback("shutting down", false)),
    });
    authenticateHandshakes(this.io);
    this.registry = new TopicRegistry(this.io, services, leases, this.pool, opts);
    const limits = new SubscriptionLimits(opts.limits ?? DEFAULT_LIMITS);
    this.io.on("connection", (socket) => serveSocket(socket, { registry: this.registry, services, limits }));
  }

  /** A meeting's people as this process's watcher sees them now, and how much of them it knows; null where it watches none, or has no data. */
  livePeople(conferenceID: string): LivePeopleNow | null {
    const state = this.localState(conferenceID);
    return state ? { participants: state.participants, coverage: state.meeting.coverage } : null;
  }

  /** A meeting's live state from this process's watcher, else from the instance of the cluster that watches it; null where nobody does. */
  async meetingState(conferenceID: string): Promise<MeetingTopicData | null> {
    const local = this.localState(conferenceID);
    if (local) return local;
    const remote = await this.registry.peerState(`meeting:${conferenceID}`);
    const data = remote?.snapshot?.data as MeetingTopicData | undefined;
    return data && hasPeople(remote!.status.upstream, data.meeting.coverage) ? data : null;
  }

  private localState(conferenceID: string): MeetingTopicData | null {
    const watcher = this.pool.peek(conferenceID);
    return watcher?.hasData && hasPeople(watcher.status, watcher.state.meeting.coverage) ? watcher.state.snapshot() : null;
  }

  /** Ends the live sockets in a room (a session, a user, a display) on every instance: the room spans them through the adapter. */
  disconnectRoom(room: string): void {
    this.io.in(room).disconnectSockets(true);
  }

  /** Shutting down: refuses new sockets, closes the open ones, stops every watcher and releases every lease. */
  async close(): Promise<void> {
    this.accepting = false;
    this.io.local.disconnectSockets(true);
    await this.registry.close();
    await this.io.close();
    await this.recorder?.stop();
  }
}

/** A watcher knows who is there when it is live or polling, or, without the host password, from Huawei's attendee list (presence). */
const hasPeople = (status: UpstreamLiveStatus, coverage: LiveMeeting["coverage"]) => status !== "unavailable" || coverage === "presence";
