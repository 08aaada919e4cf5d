import { randomUUID } from "node:crypto";
import { classifyError } from "@/lib/api/errors";
import { viewerOf } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { changesRequestSchema, subscriptionSchema, type Subscription } from "@/lib/domain/participant";
import type { Ack, ChangesAck } from "@/lib/live/socket-contract";
import { metrics } from "@/lib/metrics";
import { scopeKey } from "@/lib/meetings/viewer-scope";
import { runWithContext } from "@/lib/request-context";
import type { Services } from "@/lib/services";
import type { SubscriptionLimits } from "./subscription-limits";
import type { TopicRegistry } from "./topic-registry";
import type { RelaySocket } from "./types";

type Failure = { ok: false; error: { code: string; message: string } };

function refuse(code: string, message: string): Failure {
  metrics().socketRefusals.inc({ reason: code });
  return { ok: false, error: { code, message } };
}

/** A client may send anything as the last argument: only a function is an ack. */
function ackOf<T>(ack: unknown): (answer: T) => void {
  return typeof ack === "function" ? (ack as (answer: T) => void) : () => undefined;
}

export function topicKey(sub: Subscription, viewer: Viewer): string {
  if (sub.topic === "meeting") return `meeting:${sub.conferenceID}`;
  if (sub.topic === "wall") return `wall:${sub.mask}`;
  if (sub.topic === "wall-meeting") return `wall-meeting:${sub.conferenceID}:${sub.mask}`;
  return `meetings:${scopeKey(viewer)}`;
}

/**
 * One browser socket's side of the contract: subscribe, unsubscribe, resync and changes, each
 * validated, limited and answered, and everything the socket followed given up when it goes.
 */
export function serveSocket(socket: RelaySocket, deps: { registry: TopicRegistry; services: Services; limits: SubscriptionLimits }): void {
  const { registry, limits } = deps;
  /** Topics this socket follows. Written only after the last await of a subscribe, and only while connected. */
  const followed = new Set<string>();
  let pending = 0;
  limits.connected(socket.data.viewer.username);
  const context = () => ({ requestId: randomUUID(), clientIp: socket.handshake.address, lane: socket.data.viewer.username });

  const subscribe = async (raw: unknown): Promise<Ack> => {
    const spent = limits.spend(socket.id, socket.data.viewer.username);
    if (spent) return refuse(spent.code, spent.message);
    const parsed = subscriptionSchema.safeParse(raw);
    if (!parsed.success) return refuse("bad_request", parsed.error.issues[0]!.message);
    const sub = parsed.data;
    const firstKey = topicKey(sub, socket.data.viewer);
    const full = followed.has(firstKey) ? undefined : limits.mayFollow(socket.data.viewer.username, firstKey, followed.size + pending);
    if (full) return refuse(full.code, full.message);
    pending += 1;
    let viewer: Viewer | undefined;
    try {
      // Access ends with a sign-out, a removed user or a revoked display: asked again every time.
      viewer = await viewerOf(socket.data.session);
      if (!viewer) {
        socket.disconnect(true);
        return refuse("unauthenticated", "Sign in first.");
      }
      socket.data.viewer = viewer;
      const forbidden = forbiddenFor(sub, viewer);
      if (forbidden) return refuse("forbidden", forbidden);
      // A host may watch only meetings Huawei shows them; this also rejects meetings not going on.
      if (sub.topic === "meeting" || sub.topic === "wall-meeting") await deps.services.meetings.detail(viewer, sub.conferenceID);
    } finally {
      pending -= 1;
    }
    // The socket may have gone while Huawei was asked: then nothing may be left behind for it.
    if (!socket.connected) return refuse("disconnected", "The connection closed.");
    const key = topicKey(sub, viewer);
    if (!followed.has(key)) {
      followed.add(key);
      limits.followed(viewer.username, key);
    }
    await registry.follow(socket, key, sub, viewer);
    return { ok: true };
  };

  const changes = async (raw: unknown): Promise<ChangesAck> => {
    const spent = limits.spend(socket.id, socket.data.viewer.username);
    if (spent) return refuse(spent.code, spent.message);
    const parsed = changesRequestSchema.safeParse(raw);
    if (!parsed.success) return refuse("bad_request", parsed.error.issues[0]!.message);
    if (!followed.has(`meeting:${parsed.data.conferenceID}`)) return refuse("forbidden", "Subscribe to the meeting first.");
    return { ok: true, changes: await registry.changesOf(parsed.data.conferenceID, parsed.data.pid) };
  };

  const fail = (error: unknown): Failure => {
    const { code, message } = classifyError(error);
    return { ok: false, error: { code, message } };
  };

  socket.on("subscribe", (raw, ack) => {
    const reply = ackOf<Ack>(ack);
    runWithContext(context(), () => void subscribe(raw).then(reply, (error: unknown) => reply(fail(error))));
  });
  socket.on("unsubscribe", (raw, ack) => {
    const reply = ackOf<Ack>(ack);
    const sub = subscriptionSchema.safeParse(raw);
    if (!sub.success) return reply(refuse("bad_request", sub.error.issues[0]!.message));
    const key = topicKey(sub.data, socket.data.viewer);
    if (followed.delete(key)) {
      limits.unfollowed(socket.data.viewer.username, key);
      registry.unfollow(socket, key);
    }
    reply({ ok: true });
  });
  socket.on("resync", (raw) => {
    if (limits.spend(socket.id, socket.data.viewer.username)) return;
    const sub = subscriptionSchema.safeParse(raw);
    if (!sub.success) return;
    const key = topicKey(sub.data, socket.data.viewer);
    if (followed.has(key)) registry.resync(socket, key);
  });
  socket.on("changes", (raw, ack) => {
    const reply = ackOf<ChangesAck>(ack);
    runWithContext(context(), () => void changes(raw).then(reply, (error: unknown) => reply(fail(error))));
  });
  socket.on("disconnect", () => {
    for (const key of followed) {
      limits.unfollowed(socket.data.viewer.username, key);
      registry.unfollow(socket, key);
    }
    followed.clear();
    limits.forgetSocket(socket.id, socket.data.viewer.username);
  });
}

/** Why this viewer may not follow this topic, or undefined when they may. */
function forbiddenFor(sub: Subscription, viewer: Viewer): string | undefined {
  if ((sub.topic === "wall" || sub.topic === "wall-meeting") && viewer.role === "host") return "The wall is for admins and wall displays.";
  // A meeting's frames carry invitees' numbers and e-mail addresses, which a wall display must not receive.
  if (sub.topic === "meeting" && viewer.role === "wall") return "A wall display sees the wall only.";
  return undefined;
}
