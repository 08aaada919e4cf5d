import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startStack, addUser, type Stack } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

let stack: Stack;
const clients: LiveClient[] = [];

beforeAll(async () => {
  stack = await startStack({ seed: 99 }, { MEETINGS_POLL_MS: "500", UPSTREAM_CACHE_MS: "200" });
  await addUser(stack.dash, { username: "wall", password: "wall-password", role: "wall" });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await stack?.stop();
});

const maxAge = (res: Response) => Number(/Max-Age=(\d+)/i.exec(res.headers.get("set-cookie") ?? "")?.[1]);
const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0]!;

describe("display links", () => {
  it("are made by admins only, with valid wall settings", async () => {
    expect((await stack.host.post("/api/admin/displays", { name: "x" })).status).toBe(403);
    const wall = new Browser(stack.dash.url);
    await wall.login("wall", "wall-password");
    expect((await wall.get("/api/admin/displays")).status).toBe(403);
    const bad = await stack.admin.post("/api/admin/displays", { name: "Lobby", settings: "theme=purple" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/theme=purple/);
  });

  it("sign a screen in to the wall alone for a long time, renewed while in use, and stop at once when revoked", async () => {
    const created = await stack.admin.post("/api/admin/displays", { name: "NOC wall", settings: "only=attention&mask=initials" });
    expect(created.status).toBe(201);
    const { display, url } = (await created.json()) as { display: { id: string }; url: string };
    expect(url).toMatch(/\/d\/[A-Za-z0-9_-]{43}$/);

    const opened = await fetch(url, { redirect: "manual" });
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/wall?only=attention&mask=initials");
    expect(maxAge(opened)).toBeGreaterThan(29 * 24 * 3600);
    const screen = Browser.withCookie(stack.dash.url, cookieOf(opened));

    // Least privilege: what the wall shows, nothing else.
    expect((await screen.get("/api/meetings")).status).toBe(200);
    for (const path of ["/api/history", "/api/admin/displays"]) expect((await screen.get(path)).status, path).toBe(403);
    const c = new LiveClient(stack.dash.url, screen.sessionCookie);
    clients.push(c);
    await c.connected();
    expect(await c.subscribe({ topic: "wall", mask: "initials" })).toEqual({ ok: true });
    const m = [...stack.sim.world.ongoing.values()][0]!;
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const listed = (await stack.admin.json<{ items: { id: string; lastSeenAt: string | null }[] }>("/api/admin/displays")).body.items.find((d) => d.id === display.id)!;
    expect(Date.now() - Date.parse(listed.lastSeenAt!)).toBeLessThan(60_000);

    const renewed = await fetch(`${stack.dash.url}/api/auth/renew`, { method: "POST", headers: { cookie: screen.sessionCookie } });
    expect(renewed.status).toBe(204);
    expect(maxAge(renewed)).toBeGreaterThan(29 * 24 * 3600);

    const revoked = await fetch(`${stack.dash.url}/api/admin/displays/${display.id}`, { method: "DELETE", headers: { cookie: stack.admin.sessionCookie } });
    expect(revoked.status).toBe(204);
    await eventually(() => !c.socket.connected, 5_000, "the display's socket closed");
    expect((await screen.get("/api/meetings")).status).toBe(401);
    expect((await fetch(url, { redirect: "manual" })).status).toBe(404);
  });

  it("renews a person's session by its own lifetime", async () => {
    const res = await fetch(`${stack.dash.url}/api/auth/renew`, { method: "POST", headers: { cookie: stack.admin.sessionCookie } });
    expect(res.status).toBe(204);
    expect(maxAge(res)).toBeGreaterThan(11 * 3600);
    expect(maxAge(res)).toBeLessThanOrEqual(12 * 3600);
    expect((await fetch(`${stack.dash.url}/api/auth/renew`, { method: "POST" })).status).toBe(401);
  });
});
