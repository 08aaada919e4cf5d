"use client";

import { io } from "socket.io-client";
import type { LiveClientSocket } from "@/lib/live/socket-contract";

let socket: LiveClientSocket | undefined;

/** One socket per tab, shared by every live view; socket.io reconnects it by itself. */
export function liveSocket(): LiveClientSocket {
  socket ??= io({ path: "/socket.io", transports: ["websocket", "polling"], withCredentials: true });
  return socket;
}
