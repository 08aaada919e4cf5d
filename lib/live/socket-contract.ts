import type { Socket as ClientSocket } from "socket.io-client";
import type { SessionData, Viewer } from "@/lib/auth/viewer";
import type { ChangesRequest, ParticipantChange, PatchEvent, SnapshotEvent, StatusEvent, Subscription } from "@/lib/domain/participant";

/**
 * The dashboard's socket.io contract in one place: the events both ways, the events between
 * instances, what a socket carries and the acks. The relay's `Server`, the browser's socket and
 * the test client are all typed by it; no other module names an event.
 */

export type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };
export type ChangesAck = { ok: true; changes: ParticipantChange[] } | { ok: false; error: { code: string; message: string } };

/** Browser → server. The server validates every payload with zod: a client may send anything. */
export interface ClientToServerEvents {
  subscribe: (sub: Subscription, ack?: (answer: Ack) => void) => void;
  unsubscribe: (sub: Subscription, ack?: (answer: Ack) => void) => void;
  /** Asks for a fresh snapshot after a gap in `seq`. */
  resync: (sub: Subscription) => void;
  /** One participant's changes seen while watching, in a meeting this socket watches. */
  changes: (req: ChangesRequest, ack: (answer: ChangesAck) => void) => void;
}

/** Server → browser. */
export interface ServerToClientEvents {
  snapshot: (ev: SnapshotEvent) => void;
  patch: (ev: PatchEvent) => void;
  status: (ev: StatusEvent) => void;
}

/** A topic's state, as the instance watching it upstream tells another (no snapshot before its first data). */
export interface RemoteState {
  snapshot?: SnapshotEvent;
  status: Pick<StatusEvent, "upstream" | "since" | "reason">;
}

/** Between instances, over the Redis adapter. */
export interface InterServerEvents {
  "mm:state": (key: string, reply: (state: RemoteState | null) => void) => void;
  /** A participant's changes, from the instance watching the meeting upstream. */
  "mm:changes": (key: string, pid: string, reply: (changes: ParticipantChange[] | null) => void) => void;
}

/** What the handshake leaves on every socket: the viewer, and the session, checked again on every subscribe. */
export interface SocketData {
  viewer: Viewer;
  session: SessionData;
}

/** The browser's (and the test client's) side of the contract. */
export type LiveClientSocket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;
