import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { initials } from "@/lib/domain/masking";
import { startSimulator } from "@/server/simulator/server";
import type { SimMeeting } from "@/server/simulator/world";
import { Browser, startStack, addUser, type Stack } from "./dashboard";
import { eventually, OpenClients, type LiveClient } from "./live-client";

let stack: Stack;
let wall: Browser;
/** Withheld before anyone watches, so its watcher starts without a host password. */
let unwatchable: SimMeeting;
const clients = new OpenClients(() => stack.dash.url);

beforeAll(async () => {
  stack = await startStack(
    { seed: 4242 },
    { MEETINGS_POLL_MS: "300", UPSTREAM_CACHE_MS: "100", RELAY_GRACE_MS: "500", ATTENTION_HAND_WAIT_MS: "1000", UNAVAILABLE_RETRY_MS: "60000", PRESENCE_POLL_MS: "1000", STALE_AFTER_MS: "2000", HUAWEI_MAX_ATTEMPTS: "1" },
  );
  await addUser(stack.dash, { username: "wall", password: "wall-password", role: "wall" });
  wall = new Browser(stack.dash.url);
  expect((await wall.login("wall", "wall-password")).status).toBe(200);
  unwatchable = small().at(-1)!;
  unwatchable.chairForAdmins = "absent";
});
afterEach(() => clients.closeAll());
afterAll(() => stack?.stop());

const client = (cookie: string) => clients.connect(cookie);

const tile = (c: LiveClient, m: SimMeeting) => c.wall.rows.get(m.conferenceID);
const small = () => [...stack.sim.world.ongoing.values()].filter((m) => m.chairForAdmins === "clear" && m.participants.size >= 4 && m.participants.size <= 30);

describe("the wall", () => {
  it("shows every ongoing meeting with live figures, and what needs attention", async () => {
    const c = await client(wall.sessionCookie);
    expect(await c.subscribe({ topic: "wall" })).toEqual({ ok: true });
    const [hostless, handy] = small();
    await eventually(() => c.wall.rows.size === stack.sim.world.ongoing.size && small().every((m) => tile(c, m)?.upstream === "live"), 15_000, "wall with live figures");
    expect(tile(c, hostless!)!.present).toBe(hostless!.participants.size);
    const t = tile(c, handy!)!;
    expect(t).toMatchObject({ subject: handy!.subject, hostName: handy!.scheduler.name, invited: handy!.invitees.length, upstream: "live" });
    expect(t.muted).toBe([...handy!.participants.values()].filter((p) => p.muted).length);

    // The host leaves and nobody co-hosts: no host present.
    for (const p of [...hostless!.participants.values()]) {
      if (p.role === "host") stack.sim.world.leave(hostless!, p.pid);
      else if (p.role === "cohost") stack.sim.world.changeParticipant(hostless!, p.pid, { role: "participant" });
    }
    await eventually(() => tile(c, hostless!)?.attention.includes("no_host") === true, 5_000, "no host flagged");

    // A hand waits longer than the threshold (1 s here).
    const raiser = [...handy!.participants.values()].find((p) => p.role === "participant" && !p.hand)!;
    stack.sim.world.changeParticipant(handy!, raiser.pid, { hand: true });
    await eventually(() => tile(c, handy!)?.attention.includes("hand_waiting") === true, 10_000, "hand waiting flagged");
  });

  it("counts the same attention on every wall at the same moment: a wall with initials opened later sees the drop a wall with names saw", async () => {
    const named = await client(wall.sessionCookie);
    expect(await named.subscribe({ topic: "wall" })).toEqual({ ok: true });
    const m = small().slice(2).find((x) => x.participants.size >= 12)!;
    await eventually(() => tile(named, m)?.present === m.participants.size, 15_000, "live figures");
    const leaving = [...m.participants.values()].filter((p) => p.role === "participant").slice(0, Math.max(5, Math.ceil(m.participants.size * 0.4)));
    for (const p of leaving) stack.sim.world.leave(m, p.pid);
    await eventually(() => tile(named, m)?.attention.includes("headcount_drop") === true, 10_000, "drop flagged");
    const masked = await client(wall.sessionCookie);
    expect(await masked.subscribe({ topic: "wall", mask: "initials" })).toEqual({ ok: true });
    await eventually(() => masked.wall.rows.size === named.wall.rows.size, 5_000, "the masked wall's first state");
    expect(tile(masked, m)!.attention).toEqual(tile(named, m)!.attention);
    const attention = (c: LiveClient) => [...c.wall.rows.values()].map((row) => [row.conferenceID, row.attention.join(" ")]).sort();
    expect(attention(masked)).toEqual(attention(named));
  });

  it("keeps a waiting hand's time when every viewer left and the watchers stopped and started again", async () => {
    const m = small().slice(2).find((x) => x.participants.size <= 10)!;
    const first = await client(wall.sessionCookie);
    expect(await first.subscribe({ topic: "wall" })).toEqual({ ok: true });
    await eventually(() => tile(first, m)?.upstream === "live", 15_000, "live figures");
    const raiser = [...m.participants.values()].find((p) => p.role === "participant" && !p.hand)!;
    stack.sim.world.changeParticipant(m, raiser.pid, { hand: true });
    await eventually(() => tile(first, m)?.attention.includes("hand_waiting") === true, 10_000, "hand waiting flagged");
    const raisedAt = tile(first, m)!.oldestHandAt;
    first.close();
    await eventually(() => stack.sim.events.openSessions(m.conferenceID) === 0, 10_000, "watcher stopped");
    const again = await client(wall.sessionCookie);
    expect(await again.subscribe({ topic: "wall" })).toEqual({ ok: true });
    await eventually(() => tile(again, m)?.upstream === "live" && tile(again, m)?.hands === 1, 15_000, "watched again");
    expect(tile(again, m)).toMatchObject({ oldestHandAt: raisedAt });
    expect(tile(again, m)!.attention).toContain("hand_waiting");
  });

  it("sends nothing for live meetings while nothing changes", async () => {
    const c = await client(wall.sessionCookie);
    expect(await c.subscribe({ topic: "wall" })).toEqual({ ok: true });
    await eventually(() => small().every((m) => tile(c, m)?.upstream === "live"), 15_000, "live wall");
    const before = c.patches.length;
    // Rows compared by their content, key order and source time aside.
    const content = (row: object) => JSON.stringify(Object.entries(row).filter(([k]) => k !== "sourceTime").sort(([a], [b]) => a.localeCompare(b)));
    const prior = new Map([...c.wall.rows].map(([id, row]) => [id, content(row)]));
    await new Promise((r) => setTimeout(r, 6_000)); // past the wall's 5-second clock
    // A row sent again is a resend when nothing in it changed since it was last sent (a hand crossing the
    // waiting time is a change; a mark that comes and goes is two).
    const last = prior;
    const resent: { upstream: string; conferenceID: string }[] = [];
    for (const row of c.patches.slice(before).flatMap((p) => p.upserts as { upstream: string; conferenceID: string }[])) {
      if (row.upstream === "live" && content(row) === last.get(row.conferenceID)) resent.push(row);
      last.set(row.conferenceID, content(row));
    }
    expect(resent).toEqual([]);
  });

  it("flags a meeting it cannot watch live, yet counts who is present from Huawei's attendee list and sees its host leave", async () => {
    const m = unwatchable;
    const c = await client(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "wall" })).toEqual({ ok: true });
    await eventually(() => tile(c, m)?.attention.includes("live_data_unavailable") === true && tile(c, m)?.present === m.participants.size, 10_000, "unavailable flagged");
    // Presence only: the flags are not known, and not made up.
    expect(tile(c, m)).toMatchObject({ unavailableReason: "host_password_withheld", listedPresent: m.participants.size, muted: null, hands: null, camera: null });
    stack.sim.world.join(m, { name: "Late Comer" });
    await eventually(() => tile(c, m)?.present === m.participants.size, 5_000, "a newcomer counted");
    for (const p of [...m.participants.values()]) {
      if (p.role === "host") stack.sim.world.leave(m, p.pid);
      else if (p.role === "cohost") stack.sim.world.changeParticipant(m, p.pid, { role: "participant" });
    }
    await eventually(() => tile(c, m)?.attention.includes("no_host") === true, 5_000, "no host flagged");
  });

  it("gives the grid of a meeting it cannot watch live who is present and their role, saying the flags are missing", async () => {
    const m = unwatchable;
    const c = await client(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.meeting.fields?.meeting.coverage === "presence" && c.meeting.rows.size === m.participants.size && c.status === "unavailable", 10_000, "presence grid");
    expect(new Set(c.meeting.rows.keys())).toEqual(new Set(m.participants.keys()));
    const someone = [...m.participants.values()].find((p) => p.role === "participant")!;
    stack.sim.world.leave(m, someone.pid);
    await eventually(() => !c.meeting.rows.has(someone.pid), 5_000, "a leaver gone");
    // The host password arrives: live data, with the flags, from then on.
    expect((await stack.admin.post(`/api/meetings/${m.conferenceID}/host-password`, { password: m.chairPassword })).status).toBe(204);
    await eventually(() => c.meeting.fields?.meeting.coverage === "full" && c.status !== "unavailable", 10_000, "full coverage");
  });

  it("masks names on the server with mask=initials", async () => {
    const c = await client(wall.sessionCookie);
    const frames: string[] = [];
    c.socket.onAny((_event, payload) => frames.push(JSON.stringify(payload)));
    expect(await c.subscribe({ topic: "wall", mask: "initials" })).toEqual({ ok: true });
    await eventually(() => c.wall.rows.size === stack.sim.world.ongoing.size, 10_000, "masked wall");
    const m = [...stack.sim.world.ongoing.values()][0]!;
    expect(tile(c, m)!.hostName).toBe(initials(m.scheduler.name));
    const everything = frames.join("\n");
    for (const meeting of stack.sim.world.ongoing.values()) expect(everything).not.toContain(`"${meeting.scheduler.name}"`);
  });

  it("turns stale when Huawei stops answering, keeping the last state, and recovers by itself", async () => {
    const c = await client(wall.sessionCookie);
    expect(await c.subscribe({ topic: "wall", mask: "initials" })).toEqual({ ok: true });
    await eventually(() => c.wall.rows.size > 0 && c.status === "live", 10_000, "live wall");
    const rows = c.wall.rows.size;
    await fetch(`${stack.sim.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ path: "/v1/mmc/management/conferences/online", status: 500, count: 100_000 }) });
    await eventually(() => c.status === "stale", 15_000, "stale");
    expect(c.wall.rows.size).toBe(rows);
    await fetch(`${stack.sim.url}/__sim/faults`, { method: "DELETE" });
    await eventually(() => c.status === "live", 10_000, "live again");
  });

  it("gives a wall display only what the wall shows", async () => {
    const m = small()[0]!;
    for (const path of ["/api/history", `/api/meetings/${m.conferenceID}`, "/api/history/0123456789abcdef0123456789abcdef/attendance.csv", "/api/meetings.csv", "/api/meetings.xlsx"]) {
      expect((await wall.get(path)).status, path).toBe(403);
    }
    expect((await wall.post(`/api/meetings/${m.conferenceID}/host-password`, { password: "x" })).status).toBe(403);
    const c = await client(wall.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const host = await client(stack.host.sessionCookie);
    expect(await host.subscribe({ topic: "wall" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("shows one meeting in rotation without numbers, accounts or e-mail addresses, names masked when asked", async () => {
    const m = small()[1]!;
    const c = await client(wall.sessionCookie);
    const frames: string[] = [];
    c.socket.onAny((_event, payload) => frames.push(JSON.stringify(payload)));
    expect(await c.subscribe({ topic: "wall-meeting", conferenceID: m.conferenceID, mask: "initials" })).toEqual({ ok: true });
    await eventually(() => c.wallMeeting.rows.size === m.participants.size && (c.wallMeeting.fields?.missing.length ?? 0) > 0, 10_000, "the meeting's wall view");
    const someone = [...m.participants.values()].find((p) => p.role === "participant")!;
    expect(c.wallMeeting.rows.get(someone.pid)).toMatchObject({ name: initials(someone.name), number: null, account: null, userUUID: null });
    const everything = frames.join("\n");
    for (const i of m.invitees) {
      expect(everything).not.toContain(i.participantID);
      if (i.email) expect(everything).not.toContain(i.email);
      expect(everything).not.toContain(`"${i.name}"`);
    }
  });

  it("says so when the simulator is stopped, keeping the last state, and recovers when it returns", async () => {
    const c = await client(wall.sessionCookie);
    expect(await c.subscribe({ topic: "wall" })).toEqual({ ok: true });
    await eventually(() => c.wall.rows.size > 0 && c.status === "live", 10_000, "live wall");
    const rows = c.wall.rows.size;
    const port = Number(new URL(stack.sim.url).port);
    await stack.sim.close();
    await eventually(() => c.status === "stale", 20_000, "stale while the simulator is down");
    expect(c.wall.rows.size).toBe(rows);
    const back = await startSimulator({ port, seed: 4242, tickMs: 0 });
    try {
      await eventually(() => c.status === "live", 20_000, "live once it is back");
    } finally {
      await back.close();
    }
  });
});
