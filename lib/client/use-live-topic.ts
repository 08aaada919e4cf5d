"use client";

import { useEffect, useState } from "react";
import { subscriptionSchema, type PatchEvent, type SnapshotEvent, type StatusEvent, type Subscription, type UnavailableReason, type UpstreamLiveStatus } from "@/lib/domain/participant";
import type { TopicStore } from "@/lib/live/topic-store";
import { liveSocket } from "./live-socket";

export interface LiveTopicView<S> {
  store: S;
  /** Bumped on every applied change, so components re-render. */
  version: number;
  upstream: UpstreamLiveStatus | null;
  upstreamSince: number | null;
  /** Why the topic is `unavailable`, when it is. */
  reason: UnavailableReason | null;
  connected: boolean;
  /** The server refused the socket's session (signed out, removed, or a revoked display). */
  unauthenticated: boolean;
  error: string | null;
}

/**
 * Subscribes to one live topic: snapshot, patches (a gap asks for a snapshot), status;
 * resubscribes after the socket reconnects, and unsubscribes when the component goes.
 */
export function useLiveTopic<S extends Pick<TopicStore<never, object>, "applySnapshot" | "applyPatch">>(sub: Subscription, makeStore: () => S): LiveTopicView<S> {
  const [view, setView] = useState<LiveTopicView<S>>(() => ({ store: makeStore(), version: 0, upstream: null, upstreamSince: null, reason: null, connected: false, unauthenticated: false, error: null }));
  // The subscription's identity: a new object with the same content is the same topic.
  const key = JSON.stringify(sub);

  useEffect(() => {
    const socket = liveSocket();
    const subscription = subscriptionSchema.parse(JSON.parse(key));
    const conferenceID = "conferenceID" in subscription ? subscription.conferenceID : undefined;
    const store = makeStore();
    const bump = (patch: Partial<LiveTopicView<S>> = {}) => setView((v) => ({ ...v, ...patch, store, version: v.version + 1 }));
    const mine = (ev: { topic: string; conferenceID?: string }) => ev.topic === subscription.topic && ev.conferenceID === conferenceID;

    const subscribe = () => {
      socket.emit("subscribe", subscription, (ack) => {
        bump(ack.ok ? { connected: true, unauthenticated: false, error: null } : { error: ack.error.message });
      });
    };
    const onSnapshot = (ev: SnapshotEvent) => {
      if (!mine(ev)) return;
      store.applySnapshot(ev);
      bump();
    };
    const onPatch = (ev: PatchEvent) => {
      if (!mine(ev)) return;
      const result = store.applyPatch(ev);
      if (result === "gap") socket.emit("resync", subscription);
      if (result === "applied") bump();
    };
    const onStatus = (ev: StatusEvent) => {
      if (mine(ev)) bump({ upstream: ev.upstream, upstreamSince: ev.since, reason: ev.reason ?? null });
    };
    const onDisconnect = (reason: string) => {
      bump({ connected: false });
      // socket.io does not reconnect after the server closed the socket (a revoked display, a
      // restart): try once, so the page learns which it was from the handshake.
      if (reason === "io server disconnect") socket.connect();
    };
    const onConnectError = (e: Error) => {
      const unauthenticated = /unauthenticated/.test(e.message);
      bump({ connected: false, unauthenticated, error: unauthenticated ? "Your session has ended: sign in again." : null });
    };

    socket.on("connect", subscribe);
    socket.on("snapshot", onSnapshot);
    socket.on("patch", onPatch);
    socket.on("status", onStatus);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    if (socket.connected) subscribe();
    return () => {
      socket.emit("unsubscribe", subscription);
      socket.off("connect", subscribe);
      socket.off("snapshot", onSnapshot);
      socket.off("patch", onPatch);
      socket.off("status", onStatus);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
    };
    // makeStore is a module-level factory; the topic is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return view;
}
