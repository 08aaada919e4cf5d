"use client";

import type { Subscription, UnavailableReason, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { TopicStore } from "@/lib/live/topic-store";
import { liveSocket } from "./live-socket";

/** One topic as components read it: immutable, a new object on every change (for useSyncExternalStore). */
export interface LiveView<R, F> {
  /** Rows by id; a new Map whenever a row changed. */
  rows: ReadonlyMap<string, R>;
  fields: F | undefined;
  /** -1 before the first snapshot. */
  seq: number;
  sourceTime: number;
  upstream: UpstreamLiveStatus | null;
  upstreamSince: number | null;
  /** Why the topic is `unavailable`, when it is. */
  reason: UnavailableReason | null;
  connected: boolean;
  /** The server refused the socket's session (signed out, removed, or a revoked display). */
  unauthenticated: boolean;
  /** The API error code of a refused subscription (the page words it in its language). */
  error: string | null;
}

/**
 * The browser's copy of one live topic, shared by every component that shows it: subscribed on
 * the tab's socket while anyone reads it, advanced by snapshots and patches (a gap asks for a
 * snapshot), resubscribed after a reconnect, unsubscribed when the last reader goes.
 */
class LiveTopic<R, F extends object> {
  private view: LiveView<R, F>;
  private readonly listeners = new Set<() => void>();
  private detach?: () => void;

  constructor(
    private readonly key: string,
    private readonly sub: Subscription,
    private readonly store: TopicStore<R, F>,
  ) {
    this.view = { rows: store.rows, fields: store.fields, seq: store.seq, sourceTime: store.sourceTime, upstream: null, upstreamSince: null, reason: null, connected: false, unauthenticated: false, error: null };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.detach ??= this.attach();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.detach?.();
      this.detach = undefined;
      topics.delete(this.key);
    };
  };

  readonly getSnapshot = (): LiveView<R, F> => this.view;

  private set(patch: Partial<LiveView<R, F>>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  private changed(): void {
    this.set({ rows: this.store.rows, fields: this.store.fields, seq: this.store.seq, sourceTime: this.store.sourceTime });
  }

  private attach(): () => void {
    const socket = liveSocket();
    const sub = this.sub;
    const conferenceID = "conferenceID" in sub ? sub.conferenceID : undefined;
    const mine = (ev: { topic: string; conferenceID?: string }) => ev.topic === sub.topic && ev.conferenceID === conferenceID;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const subscribe = () => {
      clearTimeout(retry);
      socket.emit("subscribe", sub, (ack) => {
        if (ack.ok) return this.set({ connected: true, unauthenticated: false, error: null });
        this.set({ error: ack.error.code });
        // A passing refusal (too many requests, Huawei failing) is tried again a few seconds later, spread out.
        if (RETRIED.has(ack.error.code) || ack.error.code.startsWith("upstream_")) retry = setTimeout(subscribe, 3_000 + Math.random() * 4_000);
      });
    };
    const onSnapshot: Parameters<typeof socket.on<"snapshot">>[1] = (ev) => {
      if (!mine(ev)) return;
      this.store.applySnapshot(ev);
      this.changed();
    };
    const onPatch: Parameters<typeof socket.on<"patch">>[1] = (ev) => {
      if (!mine(ev)) return;
      const result = this.store.applyPatch(ev);
      if (result === "gap") socket.emit("resync", sub);
      if (result === "applied") this.changed();
    };
    const onStatus: Parameters<typeof socket.on<"status">>[1] = (ev) => {
      if (mine(ev)) this.set({ upstream: ev.upstream, upstreamSince: ev.since, reason: ev.reason ?? null });
    };
    const onDisconnect = (reason: string) => {
      this.set({ connected: false });
      // socket.io does not reconnect after the server closed the socket (a revoked display, a
      // restart): try once, so the page learns which it was from the handshake.
      if (reason === "io server disconnect") socket.connect();
    };
    const onConnectError = (e: Error) => {
      const unauthenticated = /unauthenticated/.test(e.message);
      this.set({ connected: false, unauthenticated, error: unauthenticated ? "unauthenticated" : null });
    };
    socket.on("connect", subscribe);
    socket.on("snapshot", onSnapshot);
    socket.on("patch", onPatch);
    socket.on("status", onStatus);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    if (socket.connected) subscribe();
    return () => {
      clearTimeout(retry);
      socket.emit("unsubscribe", sub);
      socket.off("connect", subscribe);
      socket.off("snapshot", onSnapshot);
      socket.off("patch", onPatch);
      socket.off("status", onStatus);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
    };
  }
}

const RETRIED = new Set(["rate_limited", "internal"]);

const topics = new Map<string, LiveTopic<never, object>>();

/** The tab's one copy of a topic, made with `makeStore` the first time anyone asks for it. */
export function liveTopic<R, F extends object>(sub: Subscription, makeStore: () => TopicStore<R, F>): LiveTopic<R, F> {
  const key = JSON.stringify(sub);
  let topic = topics.get(key) as LiveTopic<R, F> | undefined;
  if (!topic) {
    topic = new LiveTopic(key, sub, makeStore());
    topics.set(key, topic as unknown as LiveTopic<never, object>);
  }
  return topic;
}
