import type { IncomingMessage } from "node:http";
import { sessionFromCookieHeader } from "@/lib/auth/session";
import { displayRoom, sessionRoom, userRoom } from "@/lib/live/socket-rooms";
import { metrics } from "@/lib/metrics";
import type { RelayServer } from "./types";

/** Engine.IO's first check: the session cookie must not open a socket for another site's page (403 otherwise). */
export function allowSameOriginRequest(req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void {
  const ok = sameOrigin(req.headers.origin, req.headers.host);
  if (!ok) metrics().socketRefusals.inc({ reason: "origin" });
  callback(ok ? null : "cross-origin socket refused", ok);
}

/**
 * Who may open a socket: a page of this very site with a live session (cookie). The socket then
 * joins its session's, user's or display's room, so ending that access closes it.
 */
export function authenticateHandshakes(io: RelayServer): void {
  io.use((socket, next) => {
    const refuse = () => {
      metrics().socketRefusals.inc({ reason: "unauthenticated" });
      next(new Error("unauthenticated: sign in first"));
    };
    sessionFromCookieHeader(socket.request.headers.cookie)
      .then((found) => {
        if (!found) return refuse();
        socket.data.viewer = found.viewer;
        socket.data.session = found.session;
        next();
      })
      .catch(refuse);
  });
  io.on("connection", (socket) => {
    // Authenticated: the handshake's HTTP request is not needed again, and keeping it costs every
    // socket its memory (socket.io's memory-usage advice). handshake.headers and .address remain.
    (socket.conn as unknown as { request: unknown }).request = null;
    const { viewer, session } = socket.data;
    if (session.sid) void socket.join(sessionRoom(session.sid));
    void socket.join(viewer.displayId ? displayRoom(viewer.displayId) : userRoom(viewer.username));
    const auth = socket.handshake.auth as { reconnect?: unknown } | undefined;
    metrics().socketConnections.inc({ kind: auth?.reconnect === true ? "reconnect" : "first" });
  });
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
