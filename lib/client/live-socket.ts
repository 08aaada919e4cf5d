"use client";

import { io } from "socket.io-client";
import type { LiveClientSocket } from "@/lib/live/socket-contract";

let socket: LiveClientSocket | undefined;
let connectedBefore = false;

/** One socket per tab, shared by every live view; socket.io reconnects it by itself (and says so, for the server's metrics). */
export function liveSocket(): LiveClientSocket {
  if (!socket) {
    socket = io({ path: "/socket.io", transports: ["websocket", "polling"], withCredentials: true, auth: (cb) => cb({ reconnect: connectedBefore }) });
    socket.on("connect", () => {
      connectedBefore = true;
    });
  }
  return socket;
}
