import type { ParticipantChange } from "@/lib/domain/participant";
import type { RemoteState } from "@/lib/live/socket-contract";
import type { Leases } from "./leases";
import type { TopicChannel, TopicRef } from "./topic-channel";
import type { RelayServer, RelaySocket, Source } from "./types";

/** What delivering a topic's state needs to know of it. */
export interface DeliverableTopic {
  key: string;
  ref: TopicRef;
  room: string;
  channel: TopicChannel<unknown, unknown>;
  /** Present on the instance that watches the topic upstream. */
  source?: Source;
  /** Sockets waiting for the state, answered together on the next turn of the event loop. */
  waiting?: Set<string>;
}

/** How long another instance has to answer for a topic's state or a participant's changes. */
const PEER_TIMEOUT_MS = 2_500;

export function statusOf(source: Source): RemoteState["status"] {
  return { upstream: source.status, since: source.statusSince, ...(source.statusReason ? { reason: source.statusReason } : {}) };
}

/**
 * Getting a topic's current state to viewers: from this instance when it watches the topic (one
 * broadcast for every socket asking in the same turn), or asked of the instance that does.
 */
export class StateDelivery {
  /** Per topic watched elsewhere: the sockets waiting for the answer to the question already asked. */
  private readonly peerWaiting = new Map<string, Set<string>>();

  constructor(
    private readonly io: RelayServer,
    private readonly leases: Leases,
  ) {}

  /** Answers other instances' questions about the topics this one watches. */
  answerPeers(find: (key: string) => DeliverableTopic | undefined, changesOf: (topic: DeliverableTopic, pid: string) => ParticipantChange[] | null): void {
    this.io.on("mm:state", (key, reply) => {
      const topic = find(key);
      reply(topic?.source ? { snapshot: topic.channel.snapshot(), status: statusOf(topic.source) } : null);
    });
    this.io.on("mm:changes", (key, pid, reply) => {
      const topic = find(key);
      reply(topic?.source ? changesOf(topic, pid) : null);
    });
  }

  /** Sends a socket the topic's current state, from this instance or from the one watching it. */
  async toSocket(socket: RelaySocket, topic: DeliverableTopic): Promise<void> {
    if (topic.source) return this.queueLocal(socket, topic);
    return this.queueFromPeer(socket, topic);
  }

  /** The watching instance tells every viewer in the cluster the current state (after Redis came back). */
  announce(topic: DeliverableTopic): void {
    if (!topic.source) return;
    const snapshot = topic.channel.snapshot();
    if (snapshot) this.io.to(topic.room).emit("snapshot", snapshot);
    this.io.to(topic.room).emit("status", { ...topic.ref, ...statusOf(topic.source) });
  }

  /** This instance's viewers of a topic watched elsewhere get its state from the watching instance. */
  async fromPeerToLocalViewers(topic: DeliverableTopic): Promise<void> {
    const state = await this.fromPeer(topic.key);
    if (!state) return;
    const room = this.io.local.to(topic.room);
    if (state.snapshot) room.emit("snapshot", state.snapshot);
    room.emit("status", { ...topic.ref, ...state.status });
  }

  /** This instance's viewers of a topic watched elsewhere are told their data is stale (Redis is away). */
  staleToLocalViewers(topic: DeliverableTopic, since: number): void {
    this.io.local.to(topic.room).emit("status", { ...topic.ref, upstream: "stale", since });
  }

  /** A participant's changes from the instance watching the meeting; none when alone or when nobody answers in time. */
  async peerChanges(key: string, pid: string): Promise<ParticipantChange[]> {
    if (!this.leases.clustered) return [];
    const replies = (await Promise.race([
      this.io.serverSideEmitWithAck("mm:changes", key, pid),
      new Promise((resolve) => setTimeout(() => resolve([]), PEER_TIMEOUT_MS)),
    ])) as (ParticipantChange[] | null)[];
    return replies.find((r) => r) ?? [];
  }

  /**
   * Every socket that asks for a topic's state in one turn of the event loop (a reconnect storm:
   * thousands at once) gets it in one broadcast, which socket.io encodes once, not once per socket.
   */
  private queueLocal(socket: RelaySocket, topic: DeliverableTopic): void {
    if (topic.waiting) return void topic.waiting.add(socket.id);
    topic.waiting = new Set([socket.id]);
    setImmediate(() => {
      const ids = [...topic.waiting!];
      topic.waiting = undefined;
      if (!topic.source) return;
      const to = this.io.local.to(ids);
      // Before its first data (or when it cannot watch at all) the source still has a status to tell.
      const snapshot = topic.channel.snapshot();
      if (snapshot) to.emit("snapshot", snapshot);
      to.emit("status", { ...topic.ref, ...statusOf(topic.source) });
    });
  }

  /**
   * Every socket of this instance that asks for a topic watched elsewhere while one question is
   * out gets the one answer, in one broadcast: a reconnect storm on a non-watching instance asks
   * the watching one once per topic, not once per viewer (a 1,000-person meeting's state is
   * hundreds of kilobytes through Redis each time).
   */
  private async queueFromPeer(socket: RelaySocket, topic: DeliverableTopic): Promise<void> {
    const waiting = this.peerWaiting.get(topic.key);
    if (waiting) return void waiting.add(socket.id);
    const ids = new Set([socket.id]);
    this.peerWaiting.set(topic.key, ids);
    const state = await this.fromPeer(topic.key).finally(() => this.peerWaiting.delete(topic.key));
    if (!state) return;
    const to = this.io.local.to([...ids]);
    if (state.snapshot) to.emit("snapshot", state.snapshot);
    to.emit("status", { ...topic.ref, ...state.status });
  }

  /** The state of a topic another instance watches; none when alone, or when nobody answers in time (the lease loop then starts a watcher here). */
  async fromPeer(key: string): Promise<RemoteState | undefined> {
    if (!this.leases.clustered) return undefined;
    try {
      const replies = (await Promise.race([
        this.io.serverSideEmitWithAck("mm:state", key),
        new Promise((_, reject) => setTimeout(() => reject(new Error("no answer")), PEER_TIMEOUT_MS)),
      ])) as (RemoteState | null)[];
      return replies.find((r) => r) ?? undefined;
    } catch {
      return undefined;
    }
  }
}
