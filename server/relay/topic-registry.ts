import type { Viewer } from "@/lib/auth/viewer";
import type { ParticipantChange, Subscription, UnavailableReason, UpstreamLiveStatus } from "@/lib/domain/participant";
import { toWallMeeting } from "@/lib/domain/wall-meeting";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { runWithContext } from "@/lib/request-context";
import type { Services } from "@/lib/services";
import type { RowHint } from "@/lib/live/diff";
import type { RemoteState } from "@/lib/live/socket-contract";
import type { Leases } from "./leases";
import { MeetingsFeed } from "./meetings-feed";
import type { RelayOptions } from "./relay-options";
import { meetingsTopic, meetingTopic, TopicChannel, wallMeetingTopic, wallTopic, type TopicRef } from "./topic-channel";
import { StateDelivery, type DeliverableTopic } from "./state-delivery";
import type { RelayServer, RelaySocket, Source } from "./types";
import { SharedWallFeed } from "./shared-wall-feed";
import { PooledMeetingSource, type WatcherPool } from "./watcher-pool";

interface Topic extends DeliverableTopic {
  /** Sockets of this instance following the topic. */
  viewers: Set<string>;
  makeSource: () => Source;
  /** Set before the first await of starting it, so no second start can begin meanwhile. */
  source?: Source;
  leaseTimer?: NodeJS.Timeout;
  /** A lease tick is under way: ticks never overlap (a slow Redis must not queue up starts). */
  ticking?: boolean;
  grace?: NodeJS.Timeout;
}

/**
 * The topics this instance serves: who follows each here, which instance watches it upstream
 * (the lease loop), its source and channel, and when to stop (the grace after the last viewer).
 */
export class TopicRegistry {
  private readonly topics = new Map<string, Topic>();
  private readonly delivery: StateDelivery;
  /** The process's wall feed: walls, the admin list and the alert rules read the same meetings through it. */
  readonly wallFeed: SharedWallFeed;

  constructor(
    private readonly io: RelayServer,
    private readonly services: Services,
    private readonly leases: Leases,
    private readonly pool: WatcherPool,
    private readonly opts: RelayOptions,
  ) {
    this.delivery = new StateDelivery(io, leases);
    this.wallFeed = new SharedWallFeed(services.meetings, pool, { listPollMs: opts.listPollMs, staleAfterMs: opts.timing.staleAfterMs, ...opts.wall });
    this.delivery.answerPeers(
      (key) => this.topics.get(key),
      (topic, pid) => (topic.ref.conferenceID ? (this.pool.peek(topic.ref.conferenceID)?.state.changesOf(pid) ?? null) : null),
    );
  }

  /**
   * Adds a socket to a topic's viewers (synchronously, so a disconnect that follows finds it), then
   * makes sure someone watches it upstream and sends the socket its state.
   */
  async follow(socket: RelaySocket, key: string, sub: Subscription, viewer: Viewer): Promise<void> {
    const topic = this.topicFor(key, sub, viewer);
    clearTimeout(topic.grace);
    topic.grace = undefined;
    topic.viewers.add(socket.id);
    void socket.join(topic.room);
    await this.ensureLeaseLoop(topic);
    if (socket.connected) await this.delivery.toSocket(socket, topic);
  }

  unfollow(socket: RelaySocket, key: string): void {
    const topic = this.topics.get(key);
    if (!topic) return;
    topic.viewers.delete(socket.id);
    void socket.leave(topic.room);
    if (topic.viewers.size > 0 || topic.grace) return;
    topic.grace = setTimeout(() => void this.retire(topic), this.opts.graceMs);
  }

  resync(socket: RelaySocket, key: string): void {
    const topic = this.topics.get(key);
    if (topic) void this.delivery.toSocket(socket, topic);
  }

  /** A participant's changes: from the replay's log (the same everywhere), or with REPLAY=off from this instance's watcher or the one watching the meeting. */
  async changesOf(conferenceID: string, pid: string): Promise<ParticipantChange[]> {
    if (this.opts.recorder) return this.opts.recorder.changesOf(conferenceID, pid);
    const key = `meeting:${conferenceID}`;
    const local = this.topics.get(key)?.source ? this.pool.peek(conferenceID)?.state.changesOf(pid) : undefined;
    return local ?? this.delivery.peerChanges(key, pid);
  }

  /**
   * The cluster's shared state (Redis) is out of reach: this instance's viewers of topics watched
   * elsewhere get nothing more, so they are told their data is stale rather than left "live".
   */
  clusterLost(): void {
    const since = Date.now();
    for (const topic of this.topics.values()) {
      if (!topic.source && topic.viewers.size) this.delivery.staleToLocalViewers(topic, since);
    }
  }

  /**
   * Redis is back: claim leases at once (a holder keeps its topics), then the holder tells every
   * viewer in the cluster the current state and the others ask the holder for it. Both, because
   * instances reconnect one after the other: whichever comes back last completes the exchange.
   */
  clusterRegained(): void {
    for (const topic of this.topics.values()) {
      void this.tick(topic).then(() => (topic.source ? this.delivery.announce(topic) : this.delivery.fromPeerToLocalViewers(topic)));
    }
  }

  /** A topic's state as the instance of the cluster that watches it has it; none when alone or when nobody answers in time. */
  peerState(key: string): Promise<RemoteState | undefined> {
    return this.delivery.fromPeer(key);
  }

  /** Counts for the metrics: topics by kind, watched meetings by status. */
  stats(): { topics: Record<string, number>; sources: Record<string, number> } {
    const topics: Record<string, number> = {};
    const sources: Record<string, number> = {};
    for (const topic of this.topics.values()) {
      topics[topic.ref.topic] = (topics[topic.ref.topic] ?? 0) + 1;
      if (topic.source && topic.ref.topic === "meeting") sources[topic.source.status] = (sources[topic.source.status] ?? 0) + 1;
    }
    return { topics, sources };
  }

  /** Stops every watcher and releases every lease (shutting down). */
  async close(): Promise<void> {
    const all = [...this.topics.values()];
    this.topics.clear();
    await Promise.all(
      all.map(async (topic) => {
        clearInterval(topic.leaseTimer);
        clearTimeout(topic.grace);
        const held = Boolean(topic.source);
        topic.source?.stop();
        topic.source = undefined;
        if (held) await this.leases.release(topic.key).catch(() => undefined);
      }),
    );
  }

  private topicFor(key: string, sub: Subscription, viewer: Viewer): Topic {
    const known = this.topics.get(key);
    if (known) return known;
    const ref: TopicRef = sub.topic === "meeting" || sub.topic === "wall-meeting" ? { topic: sub.topic, conferenceID: sub.conferenceID } : { topic: sub.topic };
    const makeSource = (): Source => {
      if (sub.topic === "meeting") return new PooledMeetingSource(this.pool, sub.conferenceID);
      if (sub.topic === "wall-meeting") {
        const mask = sub.mask === "initials";
        return new PooledMeetingSource(this.pool, sub.conferenceID, (data) => toWallMeeting(data, mask));
      }
      if (sub.topic === "wall") return this.wallFeed.view(sub.mask === "initials");
      return new MeetingsFeed(this.services.meetings, viewer, this.opts.listPollMs, this.opts.timing.staleAfterMs);
    };
    const topic: Topic = { key, ref, room: key, channel: newChannel(ref), viewers: new Set(), makeSource };
    this.topics.set(key, topic);
    return topic;
  }

  /** Claims (or renews) the upstream lease now and every leaseRenewMs while the topic lives. */
  private async ensureLeaseLoop(topic: Topic): Promise<void> {
    if (topic.leaseTimer) return;
    topic.leaseTimer = setInterval(() => void this.tick(topic), this.opts.leaseRenewMs);
    await this.tick(topic);
  }

  private async tick(topic: Topic): Promise<void> {
    if (topic.ticking || this.topics.get(topic.key) !== topic) return;
    topic.ticking = true;
    try {
      const owner = await this.leases.claim(topic.key);
      if (this.topics.get(topic.key) !== topic) {
        // Retired while the claim was under way: give back what it won.
        if (owner) await this.leases.release(topic.key);
        return;
      }
      if (owner && !topic.source) await this.startSource(topic);
      if (!owner && topic.source) {
        logger.info({ topic: topic.key }, "another instance holds the lease: stopped watching upstream");
        this.stopSource(topic);
      }
    } catch (error) {
      logger.warn({ topic: topic.key, err: (error as Error).message }, "lease claim failed");
    } finally {
      topic.ticking = false;
    }
  }

  private async startSource(topic: Topic): Promise<void> {
    // Background work: its upstream calls spend the watchers' share, and its logs carry no viewer's request id.
    const source = runWithContext({ requestId: `watch:${topic.key}`, lane: "watchers" }, () => topic.makeSource());
    topic.source = source;
    source.on("update", (data: unknown, sourceTime: number, hint?: RowHint<unknown>) => {
      const out = topic.channel.publish(data, sourceTime, hint);
      if (!out) return;
      const room = this.io.to(topic.room);
      if (out.event === "snapshot") room.emit("snapshot", out.payload);
      else room.emit("patch", out.payload);
      metrics().pushLatency.observe({ topic: topic.ref.topic }, Math.max(0, Date.now() - sourceTime) / 1000);
      this.leases.saveSeq(topic.key, topic.channel.seq);
    });
    source.on("status", (upstream: UpstreamLiveStatus, since: number, reason?: UnavailableReason) => {
      this.io.to(topic.room).emit("status", { ...topic.ref, upstream, since, ...(reason ? { reason } : {}) });
    });
    const saved = await this.leases.lastSeq(topic.key).catch(() => 0);
    if (topic.source !== source) return;
    // Numbering goes on from the last holder's; when Redis lost it (a restart), from the clock, so it never steps back.
    topic.channel.resumeFrom(saved || (this.leases.clustered ? Date.now() : 0));
    logger.info({ topic: topic.key, instance: this.leases.instanceId }, "watching upstream");
    runWithContext({ requestId: `watch:${topic.key}`, lane: "watchers" }, () => source.start());
  }

  private stopSource(topic: Topic): void {
    topic.source?.stop();
    topic.source = undefined;
    topic.channel = newChannel(topic.ref);
  }

  /** After the grace period: stop watching unless viewers came back here or elsewhere in the cluster. */
  private async retire(topic: Topic): Promise<void> {
    topic.grace = undefined;
    if (topic.viewers.size > 0) return;
    if (topic.source) {
      const elsewhere = await this.io.in(topic.room).fetchSockets().then((s) => s.length, () => 0);
      if (topic.viewers.size > 0) return;
      if (elsewhere > 0) {
        topic.grace = setTimeout(() => void this.retire(topic), this.opts.graceMs);
        return;
      }
      this.stopSource(topic);
      await this.leases.release(topic.key).catch(() => undefined);
      logger.info({ topic: topic.key }, "stopped watching upstream: no viewers");
    }
    if (topic.viewers.size > 0 || topic.grace) return;
    clearInterval(topic.leaseTimer);
    this.topics.delete(topic.key);
  }
}

function newChannel(ref: TopicRef): TopicChannel<unknown, unknown> {
  if (ref.topic === "meeting") return new TopicChannel(ref, meetingTopic) as TopicChannel<unknown, unknown>;
  if (ref.topic === "wall") return new TopicChannel(ref, wallTopic) as TopicChannel<unknown, unknown>;
  if (ref.topic === "wall-meeting") return new TopicChannel(ref, wallMeetingTopic) as TopicChannel<unknown, unknown>;
  return new TopicChannel(ref, meetingsTopic) as TopicChannel<unknown, unknown>;
}
