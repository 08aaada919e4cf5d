import { createServer } from "node:http";
import { Server } from "socket.io";

// The floor of the push-latency benchmark: a bare socket.io server that does nothing but put each
// viewer in its meeting's room and broadcast the changes the benchmark sends it (over IPC), as
// patches of the dashboard's size. Whatever the dashboard adds on top of this is its own cost.
const http = createServer();
const io = new Server(http, { path: "/socket.io", serveClient: false });
io.on("connection", (socket) => {
  socket.on("subscribe", (sub: { conferenceID?: string }, ack?: (a: unknown) => void) => {
    if (sub.conferenceID) void socket.join(sub.conferenceID);
    if (typeof ack === "function") ack({ ok: true });
  });
});
const seqs = new Map<string, number>();
process.on("message", (msg: { kind: "change"; conferenceID: string; row: unknown; sourceTime: number } | { kind: "figures" }) => {
  if (msg.kind === "figures") {
    const cpu = process.cpuUsage();
    process.send!({ rss: process.memoryUsage().rss, cpu: (cpu.user + cpu.system) / 1e6 });
    return;
  }
  const seq = (seqs.get(msg.conferenceID) ?? 0) + 1;
  seqs.set(msg.conferenceID, seq);
  io.to(msg.conferenceID).emit("patch", { topic: "meeting", conferenceID: msg.conferenceID, seq, sourceTime: msg.sourceTime, upserts: [msg.row], removes: [] });
});
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  process.send!({ port: typeof address === "object" && address ? address.port : 0 });
});
