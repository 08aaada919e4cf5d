import { createServer } from "node:http";
import { Server } from "socket.io";

// The floor of the push-latency benchmark: a bare socket.io server that does nothing but put each
// viewer in its meeting's room with a snapshot of what the benchmark gave it, and broadcast the
// changes the benchmark sends it (over IPC) as patches of the dashboard's shape. Its viewers are
// the same as the dashboard's, so whatever the dashboard adds on top of this is its own cost.
type Message =
  | { kind: "meetings"; data: Record<string, unknown> }
  | { kind: "change"; conferenceID: string; row: unknown; sourceTime: number }
  | { kind: "speakers"; conferenceID: string; speakers: string[]; sourceTime: number }
  | { kind: "figures" };

const http = createServer();
const io = new Server(http, { path: "/socket.io", serveClient: false });
let meetings: Record<string, unknown> = {};
const seqs = new Map<string, number>();
io.on("connection", (socket) => {
  socket.on("subscribe", (sub: { conferenceID?: string }, ack?: (a: unknown) => void) => {
    const id = sub?.conferenceID ?? "";
    void socket.join(id);
    if (typeof ack === "function") ack({ ok: true });
    socket.emit("snapshot", { topic: "meeting", conferenceID: id, seq: seqs.get(id) ?? 0, sourceTime: Date.now(), data: meetings[id] });
  });
});
process.on("message", (msg: Message) => {
  if (msg.kind === "meetings") {
    meetings = msg.data;
    return void process.send!({ ok: true });
  }
  if (msg.kind === "figures") {
    const cpu = process.cpuUsage();
    return void process.send!({ rss: process.memoryUsage().rss, cpu: (cpu.user + cpu.system) / 1e6 });
  }
  const seq = (seqs.get(msg.conferenceID) ?? 0) + 1;
  seqs.set(msg.conferenceID, seq);
  const body = msg.kind === "speakers" ? { upserts: [], removes: [], speakers: msg.speakers } : { upserts: [msg.row], removes: [] };
  io.to(msg.conferenceID).emit("patch", { topic: "meeting", conferenceID: msg.conferenceID, seq, sourceTime: msg.sourceTime, ...body });
});
process.on("disconnect", () => process.exit(0));
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  process.send!({ port: typeof address === "object" && address ? address.port : 0 });
});
