import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { MeetingEventSocket } from "./event-socket";

let server: WebSocketServer | undefined;
afterEach(() => server?.close());

/** A push server that acknowledges the Subscribe (kept in `subscribed`) and answers heartbeats until told to fall silent. */
let subscribed: string[][] = [];
async function pushServer(answerHeartbeats: () => boolean): Promise<string> {
  server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  server.on("connection", (ws) => {
    ws.on("message", (raw) => {
      const msg = JSON.parse(raw.toString()) as { action: string; data?: string };
      if (msg.action === "Subscribe") subscribed.push((JSON.parse(msg.data ?? "{}") as { subscribeType: string[] }).subscribeType);
      if (msg.action === "Subscribe") ws.send(JSON.stringify({ action: "Subscribe", data: { returnCode: 0 } }));
      if (msg.action === "HeartBeat" && answerHeartbeats()) ws.send(JSON.stringify({ action: "HeartBeat" }));
    });
  });
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("MeetingEventSocket heartbeats", () => {
  it("closes a silent socket within two heartbeat intervals of last hearing Huawei", async () => {
    let answering = true;
    const url = await pushServer(() => answering);
    const socket = new MeetingEventSocket({ wsUrl: url, conferenceID: "123", wsToken: "t", confToken: "c", heartbeatMs: 200, quality: false });
    const closed = once(socket, "closed") as Promise<[{ code: number; reason: string }]>;
    socket.open();
    await new Promise((r) => setTimeout(r, 700));
    answering = false;
    const silentFrom = socket.lastHeard;
    const [{ reason }] = await closed;
    expect(reason).toBe("no heartbeat answer");
    // Two intervals (400 ms) after the last answer, with room for busy timers; the old check took three (600 ms).
    expect(Date.now() - silentFrom).toBeLessThan(520);
  });

  it("keeps a quiet socket whose heartbeats are answered", async () => {
    const url = await pushServer(() => true);
    const socket = new MeetingEventSocket({ wsUrl: url, conferenceID: "123", wsToken: "t", confToken: "c", heartbeatMs: 50, quality: false });
    let closedEarly = false;
    socket.on("closed", () => (closedEarly = true));
    socket.open();
    await new Promise((r) => setTimeout(r, 500));
    expect(closedEarly).toBe(false);
    socket.close();
  });
});

describe("MeetingEventSocket subscription", () => {
  it("asks for NetConditionNotify only where quality is wanted", async () => {
    subscribed = [];
    const url = await pushServer(() => true);
    for (const quality of [true, false]) {
      const socket = new MeetingEventSocket({ wsUrl: url, conferenceID: "123", wsToken: "t", confToken: "c", heartbeatMs: 1_000, quality });
      socket.open();
      await expect.poll(() => subscribed.length).toBe(quality ? 1 : 2);
      socket.close();
    }
    expect(subscribed[0]).toContain("NetConditionNotify");
    expect(subscribed[1]).not.toContain("NetConditionNotify");
    expect(subscribed[1]).toContain("ParticipantsNotify");
  });
});
