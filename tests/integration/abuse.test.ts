import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { UserStore } from "@/lib/auth/users";
import { Store } from "@/lib/store/store";
import type { Simulator } from "@/server/simulator/server";
import { Browser, startStack, addUser, type Stack } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

// The dashboard tried as an attacker would (issue 11): each case failed before its fix.
let stack: Stack;
let sim: Simulator;
const clients: LiveClient[] = [];
const CONF_DETAIL = "/v1/mmc/management/conferences/confDetail";

beforeAll(async () => {
  stack = await startStack(
    { seed: 4242 },
    {
      RELAY_GRACE_MS: "300",
      UPSTREAM_CACHE_MS: "100",
      MEETINGS_POLL_MS: "500",
      // Every test client comes from 127.0.0.1: behind a trusted proxy hop, X-Forwarded-For names the "client".
      TRUST_PROXY_HOPS: "1",
      RELAY_MAX_TOPICS_PER_SOCKET: "3",
      RELAY_MAX_MEETINGS_PER_USER: "4",
      METRICS_TOKEN: "scrape-token-for-tests",
    },
  );
  sim = stack.sim;
});
afterEach(() => {
  while (clients.length) clients.pop()!.close();
  sim.faults.clear();
});
afterAll(() => stack?.stop());

async function client(cookie = stack.admin.sessionCookie): Promise<LiveClient> {
  const c = new LiveClient(stack.dash.url, cookie);
  clients.push(c);
  await c.connected();
  return c;
}

const meetingIds = () => [...sim.world.ongoing.keys()];
const calls = (path: string) => sim.stats.get(`GET ${path}`) ?? 0;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${stack.dash.url}/metrics`, { headers: { authorization: "Bearer scrape-token-for-tests" } })).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith(name) && !line.startsWith("#"))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

function login(username: string, password: string, from: string): Promise<Response> {
  return fetch(`${stack.dash.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ username, password }),
  });
}

describe("the relay under a storm of viewers who leave mid-subscribe", () => {
  it("leaves no upstream watcher behind once the grace period is over", async () => {
    const ids = meetingIds().slice(0, 6);
    // Huawei is slow: every subscribe is still waiting on confDetail when its socket goes.
    sim.faults.add({ path: CONF_DETAIL, count: 1_000, delayMs: 400 });
    const storm = await Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const c = new LiveClient(stack.dash.url, stack.admin.sessionCookie);
        await c.connected();
        c.socket.emit("subscribe", { topic: "meeting", conferenceID: ids[i % ids.length]! });
        return c;
      }),
    );
    await wait(50);
    for (const c of storm) c.close();
    await wait(400 + 300 + 1_500);
    for (const id of ids) expect(sim.events.openSessions(id), `push sockets of ${id}`).toBe(0);
    expect(await metric("mm_topics{topic=\"meeting\"}")).toBe(0);
  });
});

describe("one user flooding upstream", () => {
  it("cannot make thousands of upstream calls with unknown meeting IDs: rate-limited, and unknown IDs remembered", async () => {
    const c = await client();
    const before = calls(CONF_DETAIL);
    const unknownId = (i: number) => `9${String(i).padStart(8, "0")}`;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => c.subscribe({ topic: "meeting", conferenceID: unknownId(i) })));
    const codes = answers.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes.filter((code) => code === "rate_limited").length).toBeGreaterThanOrEqual(150);
    expect(codes.filter((code) => code === "not_found").length).toBeLessThanOrEqual(30);
    expect(calls(CONF_DETAIL) - before).toBeLessThanOrEqual(30);

    // Another socket asking about the unknown IDs that were looked up costs Huawei nothing more.
    const looked = codes.flatMap((code, i) => (code === "not_found" ? [unknownId(i)] : []));
    expect(looked.length).toBeGreaterThan(0);
    const again = await client();
    const known = calls(CONF_DETAIL);
    // One at a time: subscribes still waiting count against the socket's cap of 3 topics.
    const repeat: string[] = [];
    for (const conferenceID of looked) {
      const answer = await again.subscribe({ topic: "meeting", conferenceID });
      repeat.push(answer.ok ? "ok" : answer.error.code);
    }
    expect(repeat).toEqual(looked.map(() => "not_found"));
    expect(calls(CONF_DETAIL)).toBe(known);
  });

  it("caps the topics of one socket and the meetings of one user", async () => {
    const ids = meetingIds();
    const a = await client(stack.host.sessionCookie);
    const hostIds = (await stack.host.json<{ items: { conferenceID: string }[] }>("/api/meetings?limit=500")).body.items.map((m) => m.conferenceID);
    expect(hostIds.length).toBeGreaterThanOrEqual(5);
    expect((await a.subscribe({ topic: "meetings" })).ok).toBe(true);
    expect((await a.subscribe({ topic: "meeting", conferenceID: hostIds[0]! })).ok).toBe(true);
    expect((await a.subscribe({ topic: "meeting", conferenceID: hostIds[1]! })).ok).toBe(true);
    const fourth = await a.subscribe({ topic: "meeting", conferenceID: hostIds[2]! });
    expect(fourth.ok ? "ok" : fourth.error.code).toBe("too_many_subscriptions");
    const b = await client(stack.host.sessionCookie);
    expect((await b.subscribe({ topic: "meeting", conferenceID: hostIds[2]! })).ok).toBe(true);
    expect((await b.subscribe({ topic: "meeting", conferenceID: hostIds[3]! })).ok).toBe(true);
    const fifth = await b.subscribe({ topic: "meeting", conferenceID: hostIds[4]! });
    expect(fifth.ok ? "ok" : fifth.error.code).toBe("too_many_subscriptions");
    // The admin is another user, with a count of their own.
    expect((await (await client()).subscribe({ topic: "meeting", conferenceID: ids[0]! })).ok).toBe(true);
  });

  it("limits one account's requests over all its connections, not only each connection's", async () => {
    await addUser(stack.dash, { username: "flooder", password: "flooder-password", role: "admin" });
    const person = new Browser(stack.dash.url);
    expect((await person.login("flooder", "flooder-password")).status).toBe(200);
    const sockets = await Promise.all(Array.from({ length: 12 }, () => client(person.sessionCookie)));
    // Each connection stays within its own 30; together they ask 360 times, past the account's 300.
    for (const s of sockets) expect((await s.subscribe({ topic: "meetings" })).ok).toBe(true);
    const answers = (await Promise.all(sockets.map((s) => Promise.all(Array.from({ length: 29 }, () => s.subscribe({ topic: "meetings" })))))).flat();
    const refused = answers.filter((a) => !a.ok && a.error.code === "rate_limited");
    expect(refused.length).toBeGreaterThan(20);
    expect(refused[0]!.ok ? "" : refused[0]!.error.message).toMatch(/account/);
    // Another account is not held back by it.
    expect((await (await client(stack.host.sessionCookie)).subscribe({ topic: "meetings" })).ok).toBe(true);
  });

  it("answers an ack that is not a function by ignoring it, and keeps serving", async () => {
    const c = await client();
    const raw = c.socket as unknown as { emit: (...args: unknown[]) => void };
    raw.emit("subscribe", { topic: "meetings" }, 42);
    raw.emit("changes", { conferenceID: "1", pid: "x" }, "not a function");
    raw.emit("unsubscribe", { topic: "meetings" }, { also: "not" });
    expect((await c.subscribe({ topic: "meetings" })).ok).toBe(true);
    expect(stack.dash.output()).not.toMatch(/is not a function|unhandled/i);
  });
});

describe("access that ends while sockets are open", () => {
  it("closes a session's sockets when it signs out, and refuses its cookie afterwards", async () => {
    const person = new Browser(stack.dash.url);
    expect((await person.login("admin", "stack-admin-password")).status).toBe(200);
    const cookie = person.sessionCookie;
    const c = await client(cookie);
    expect((await c.subscribe({ topic: "meetings" })).ok).toBe(true);
    await person.logout();
    await eventually(() => !c.socket.connected, 3_000, "socket closed after sign-out");
    await expect(client(cookie)).rejects.toThrow(/unauthenticated/);
  });

  it("closes a removed user's sockets", async () => {
    const store = await Store.fromEnv(stack.dash.env, stack.dash.dataDir);
    onTestFinished(() => store.close());
    const users = new UserStore(store);
    await users.upsert({ username: "leaving", password: "leaving-password", role: "admin" });
    const person = new Browser(stack.dash.url);
    expect((await person.login("leaving", "leaving-password")).status).toBe(200);
    const c = await client(person.sessionCookie);
    expect((await c.subscribe({ topic: "meetings" })).ok).toBe(true);
    await users.remove("leaving");
    await eventually(() => !c.socket.connected, 5_000, "socket closed after the user was removed");
  });
});

describe("sign-in under attack", () => {
  it("keeps a signed-in admin's requests fast while junk sign-ins flood in", async () => {
    const junk = Array.from({ length: 40 }, (_, i) => login(`nobody${i}`, "wrong-password", `203.0.113.${i}`));
    await wait(20);
    const started = Date.now();
    expect((await stack.admin.get("/api/auth/me")).status).toBe(200);
    const took = Date.now() - started;
    const statuses = (await Promise.all(junk)).map((r) => r.status);
    expect(took).toBeLessThan(1_000);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
  });

  it("checks only 10 of 40 simultaneous guesses from one address, and still lets the user in from another", async () => {
    const guesses = await Promise.all(Array.from({ length: 40 }, () => login("admin", "guess", "198.51.100.66")));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(guesses.find((r) => r.status === 429)!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await login("admin", "stack-admin-password", "192.0.2.44")).status).toBe(200);
  });

  it("refuses a 100 MB body before reading it", async () => {
    const url = new URL(`${stack.dash.url}/api/auth/login`);
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write(Buffer.alloc(64 * 1024, 0x20));
    });
    expect(status).toBe(413);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses sign-in from another site's page, and bodies that are not JSON (login CSRF)", async () => {
    const body = JSON.stringify({ username: "admin", password: "stack-admin-password" });
    const foreign = await fetch(`${stack.dash.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    const plain = await fetch(`${stack.dash.url}/api/auth/login`, { method: "POST", headers: { "content-type": "text/plain" }, body });
    expect(plain.status).toBe(415);
    const form = await fetch(`${stack.dash.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=admin&password=stack-admin-password" });
    expect(form.status).toBe(415);
    const nullOrigin = await fetch(`${stack.dash.url}/api/auth/logout`, { method: "POST", headers: { origin: "null", cookie: stack.admin.sessionCookie } });
    expect(nullOrigin.status).toBe(403);
    expect((await stack.admin.get("/api/auth/me")).status).toBe(200);
  });
});

describe("smaller defects", () => {
  it("answers malformed %-encoding, unknown API paths and empty offsets with JSON 4xx, and sends no pre-1970 date to Huawei", async () => {
    const bad = await stack.admin.get("/api/meetings/%E0%A4%A");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    const unknown = await stack.admin.get("/api/no-such-route");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/json/);
    expect((await stack.admin.get("/api/meetings?offset=")).status).toBe(400);
    const history = calls("/v1/mmc/management/conferences/history");
    expect((await stack.admin.get("/api/history?from=1969-12-01&to=1970-01-05")).status).toBe(400);
    expect(calls("/v1/mmc/management/conferences/history")).toBe(history);
  });

  it("marks API answers and exports not to be stored, and pages with a content security policy", async () => {
    expect((await stack.admin.get("/api/meetings")).headers.get("cache-control")).toBe("no-store");
    expect((await stack.admin.get("/api/meetings.csv")).headers.get("cache-control")).toBe("no-store");
    const page = await fetch(`${stack.dash.url}/login`);
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'self'.*frame-ancestors 'self'/);
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("logs", () => {
  it("carry the request's id on every line the request causes, and no secret", async () => {
    sim.faults.add({ path: "/v1/mmc/management/conferences/online", count: 10, status: 500 });
    await wait(150); // past UPSTREAM_CACHE_MS, so the list is asked of Huawei again
    const requestId = `trace-${Date.now()}`;
    const res = await stack.admin.get("/api/meetings?q=logs", { "x-forwarded-for": "192.0.2.99", "x-request-id": requestId });
    expect(res.status).toBe(502);
    expect(res.headers.get("x-request-id")).toBe(requestId);
    await wait(100);
    const lines = stack.dash.output().split("\n").filter((line) => line.includes(requestId));
    expect(lines.some((line) => line.includes("upstream call failed"))).toBe(true);
    expect(lines.some((line) => line.includes('"msg":"request"') && line.includes('"status":502'))).toBe(true);
    expect(stack.dash.output()).not.toContain("stack-admin-password");
  });
});

describe("metrics", () => {
  it("are for the metrics token or an admin, in Prometheus' format", async () => {
    expect((await fetch(`${stack.dash.url}/metrics`)).status).toBe(401);
    expect((await stack.host.get("/metrics")).status).toBe(403);
    const res = await stack.admin.get("/metrics");
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of ["mm_viewers", "mm_watched_meetings", "mm_upstream_calls_total", "mm_upstream_call_duration_seconds_bucket", "mm_push_latency_seconds_bucket", "mm_socket_connections_total", "mm_sign_in_failures_total", "mm_cache_entries", "process_resident_memory_bytes"]) {
      expect(text, name).toContain(name);
    }
    expect(await metric('mm_sign_in_failures_total{reason="throttled"}')).toBeGreaterThan(0);
  });
});
