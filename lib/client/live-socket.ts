"use client";

import { io, type Socket } from "socket.io-client";

let socket: Socket | undefined;

/** One socket per tab, shared by every live view; socket.io reconnects it by itself. */
export function liveSocket(): Socket {
  socket ??= io({ path: "/socket.io", transports: ["websocket", "polling"], withCredentials: true });
  return socket;
}
