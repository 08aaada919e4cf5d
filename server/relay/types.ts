import type { Server, Socket } from "socket.io";
import type { UnavailableReason, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { RowHint } from "@/lib/live/diff";
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@/lib/live/socket-contract";

export type RelayServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** What feeds a topic: a meeting's pooled watcher, the ongoing list's poller, the wall's summariser. */
export interface Source {
  status: UpstreamLiveStatus;
  statusSince: number;
  statusReason?: UnavailableReason;
  /** `hint`: which rows changed since the previous update, from a source that knows. */
  on(event: "update", fn: (data: unknown, sourceTime: number, hint?: RowHint<unknown>) => void): unknown;
  on(event: "status", fn: (status: UpstreamLiveStatus, since: number, reason?: UnavailableReason) => void): unknown;
  start(): unknown;
  stop(): void;
}
