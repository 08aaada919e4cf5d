"use client";

import { useEffect, useState } from "react";
import type { PatchEvent, SnapshotEvent, StatusEvent, UpstreamLiveStatus } from "@/lib/domain/participant";
import { meetingStore } from "@/lib/live/stores";
import { liveSocket } from "./live-socket";

export interface LiveMeetingView {
  store: ReturnType<typeof meetingStore>;
  /** Bumped on every applied change, so components re-render. */
  version: number;
  upstream: UpstreamLiveStatus | null;
  upstreamSince: number | null;
  connected: boolean;
  error: string | null;
}

/**
 * Subscribes to one meeting's live topic: snapshot, patches (a gap asks for a snapshot), status;
 * resubscribes after the socket reconnects, and unsubscribes when the page goes.
 */
export function useLiveMeeting(conferenceID: string): LiveMeetingView {
  const [view, setView] = useState<LiveMeetingView>(() => ({ store: meetingStore(), version: 0, upstream: null, upstreamSince: null, connected: false, error: null }));

  useEffect(() => {
    const socket = liveSocket();
    const sub = { topic: "meeting", conferenceID } as const;
    const store = meetingStore();
    const bump = (patch: Partial<LiveMeetingView> = {}) => setView((v) => ({ ...v, ...patch, store, version: v.version + 1 }));
    const mine = (ev: { topic: string; conferenceID?: string }) => ev.topic === "meeting" && ev.conferenceID === conferenceID;

    const subscribe = () => {
      socket.emit("subscribe", sub, (ack: { ok: boolean; error?: { message: string } }) => {
        bump(ack.ok ? { connected: true, error: null } : { error: ack.error?.message ?? "The subscription was refused." });
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
      if (result === "gap") socket.emit("resync", sub);
      if (result === "applied") bump();
    };
    const onStatus = (ev: StatusEvent) => {
      if (mine(ev)) bump({ upstream: ev.upstream, upstreamSince: ev.since });
    };
    const onDisconnect = () => bump({ connected: false });
    const onConnectError = (e: Error) => bump({ connected: false, error: /unauthenticated/.test(e.message) ? "Your session has ended: sign in again." : null });

    socket.on("connect", subscribe);
    socket.on("snapshot", onSnapshot);
    socket.on("patch", onPatch);
    socket.on("status", onStatus);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    if (socket.connected) subscribe();
    return () => {
      socket.emit("unsubscribe", sub);
      socket.off("connect", subscribe);
      socket.off("snapshot", onSnapshot);
      socket.off("patch", onPatch);
      socket.off("status", onStatus);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
    };
  }, [conferenceID]);

  return view;
}
