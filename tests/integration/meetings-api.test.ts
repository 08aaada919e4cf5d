import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MeetingDetailResponse, MeetingListResponse } from "@/lib/domain/meeting";
import type { Simulator } from "@/server/simulator/server";
import { Browser, STACK_ADMIN_PASSWORD, startStack, type Dashboard, type Stack } from "./dashboard";

let sim: Simulator;
let dash: Dashboard;
let admin: Browser;
let host: Browser;

const ADMIN_PASSWORD = STACK_ADMIN_PASSWORD;
const upstreamCalls = () => [...sim.stats.values()].reduce((a, b) => a + b, 0);
const authCalls = () => sim.stats.get("POST /v2/usg/acs/auth/appauth") ?? 0;
const settle = () => new Promise((r) => setTimeout(r, 1100)); // past UPSTREAM_CACHE_MS

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: 99 }, { HUAWEI_TIMEOUT_MS: "1500", HUAWEI_MAX_ATTEMPTS: "3", UPSTREAM_CACHE_MS: "1000" });
  ({ sim, dash, admin, host } = stack);
});

afterAll(() => stack?.stop());

beforeEach(async () => {
  sim.faults.clear();
  await settle();
});

describe("sign-in", () => {
  it("rejects a wrong password with 401 and sets no cookie", async () => {
    const res = await new Browser(dash.url).login("admin", "not-the-password");
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.json()).toEqual({ error: { code: "bad_credentials", message: "Wrong username or password." } });
  });

  it("sets an httpOnly SameSite session cookie", async () => {
    const res = await new Browser(dash.url).login("admin", ADMIN_PASSWORD);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("answers 401 to calls without a session", async () => {
    for (const p of ["/api/meetings", "/api/meetings/123456789", "/api/auth/me"]) {
      const { status, body } = await new Browser(dash.url).json(p);
      expect(status).toBe(401);
      expect(body).toEqual({ error: { code: "unauthenticated", message: "Sign in first." } });
    }
  });

  it("refuses a username after ten wrong passwords, even with the right one, and says when to retry", async () => {
    const b = new Browser(dash.url);
    for (let i = 0; i < 10; i++) expect((await b.login("alice", `wrong-${i}`)).status).toBe(401);
    const res = await b.login("alice", "alice-password");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/try again in 15 minutes/);
    expect((await host.json("/api/auth/me")).status).toBe(200);
  });

  it("ends the session on logout: the cookie is cleared, and a kept copy of it no longer works", async () => {
    const b = new Browser(dash.url);
    await b.login("admin", ADMIN_PASSWORD);
    const copy = b.sessionCookie;
    expect((await b.json("/api/auth/me")).status).toBe(200);
    const res = await b.logout();
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/mm_session=;.*Max-Age=0/i);
    expect((await b.json("/api/auth/me")).status).toBe(401);
    expect((await Browser.withCookie(dash.url, copy).json("/api/meetings")).status).toBe(401);
    // Other sessions of the same user are untouched.
    expect((await admin.json("/api/auth/me")).status).toBe(200);
  });
});

describe("ongoing meetings", () => {
  it("lists every ongoing meeting with the documented shape", async () => {
    const { status, body } = await admin.json<MeetingListResponse>("/api/meetings");
    expect(status).toBe(200);
    expect(body.total).toBe(sim.world.ongoing.size);
    const sample = body.items[0]!;
    const upstream = sim.world.ongoing.get(sample.conferenceID)!;
    expect(sample.subject).toBe(upstream.subject);
    expect(sample.hostName).toBe(upstream.scheduler.name);
    expect(sample.participantCount).toBe(upstream.participants.size);
    expect(sample.startTime).toBe(new Date(Math.floor(upstream.startedAt / 60_000) * 60_000).toISOString());
    expect(Date.parse(body.fetchedAt)).toBeGreaterThan(Date.now() - 10_000);
  });

  it("searches by subject, host or meeting ID", async () => {
    const target = [...sim.world.ongoing.values()][5]!;
    const byId = await admin.json<MeetingListResponse>(`/api/meetings?q=${target.conferenceID}`);
    expect(byId.body.items.map((m) => m.conferenceID)).toEqual([target.conferenceID]);
    const byHost = await admin.json<MeetingListResponse>(`/api/meetings?q=${encodeURIComponent("alice chen")}`);
    expect(byHost.body.total).toBeGreaterThan(0);
    expect(byHost.body.items.every((m) => m.hostName === "Alice Chen")).toBe(true);
  });

  it("sorts and filters over every visible meeting, with totals over all of them", async () => {
    const all = [...sim.world.ongoing.values()];
    const biggest = all.reduce((x, y) => (y.participants.size > x.participants.size ? y : x));
    const { body } = await admin.json<MeetingListResponse>("/api/meetings?sort=present&dir=desc&limit=3");
    expect(body.items[0]!.conferenceID).toBe(biggest.conferenceID);
    expect(body.items.map((m) => m.participantCount)).toEqual([...body.items.map((m) => m.participantCount)].sort((x, y) => y! - x!));
    expect(body.totals.meetings).toBe(all.length);
    expect(body.totals.present).toBe(all.reduce((n, m) => n + m.participants.size, 0));
    const recording = await admin.json<MeetingListResponse>("/api/meetings?show=recording");
    expect(recording.body.items.every((m) => m.recording)).toBe(true);
    expect(recording.body.total).toBe(body.totals.recording);
    const bySubject = await admin.json<MeetingListResponse>("/api/meetings?sort=subject&limit=500");
    const subjects = bySubject.body.items.map((m) => m.subject);
    expect(subjects).toEqual([...subjects].sort(new Intl.Collator(["zh-CN", "en"], { numeric: true, sensitivity: "base" }).compare));
    expect((await admin.json("/api/meetings?sort=loudest")).status).toBe(400);
    expect((await admin.json("/api/meetings?dir=up")).status).toBe(400);
  });

  it("exports the list as shown: CSV and Excel, in its order and filter, times in the zone asked for", async () => {
    const csv = await admin.get("/api/meetings.csv?sort=present&dir=desc&show=large&tz=Asia/Shanghai");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="ongoing-meetings-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Subject,Meeting ID,Host,Started (Asia/Shanghai),Running for (min),Present,Invited,Recording,Scheduled end (Asia/Shanghai),Media");
    const large = [...sim.world.ongoing.values()].filter((m) => m.participants.size >= 100).sort((x, y) => y.participants.size - x.participants.size);
    expect(lines).toHaveLength(large.length + 1);
    expect(lines[1]).toContain(large[0]!.conferenceID);
    expect(lines[1]).toMatch(/\+08:00/);
    // Media in the page's words (Audio, Video, Sharing), not Huawei's (Voice, Data).
    expect(lines.slice(1).every((l) => /,(Audio|Video|HD video|Sharing)( · (Audio|Video|HD video|Sharing))*$/.test(l))).toBe(true);
    const xlsx = await admin.get("/api/meetings.xlsx?tz=Asia/Shanghai");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell("B3").value).toBe("Asia/Shanghai");
    expect(sheet.getCell("D6").value).toBe("Started (Asia/Shanghai)");
    expect(sheet.getCell("D7").value).toBeInstanceOf(Date);
    expect(sheet.rowCount).toBe(sim.world.ongoing.size + 6);
    // The "needs attention" filter says what it is, not how it travels (ids=...).
    const [one, two] = [...sim.world.ongoing.keys()];
    const picked = await admin.get(`/api/meetings.xlsx?tz=UTC&ids=${one},${two}`);
    const pickedBook = new ExcelJS.Workbook();
    await pickedBook.xlsx.load(await picked.arrayBuffer());
    expect(String(pickedBook.worksheets[0]!.getCell("B4").value)).toContain("needing attention (2 meetings)");
  });

  it("shows all of 1,200 ongoing meetings, paged", async () => {
    sim.world.setOngoing(1200);
    sim.stats.clear();
    const seen = new Set<string>();
    for (let offset = 0; offset < 1200; offset += 500) {
      const { body } = await admin.json<MeetingListResponse>(`/api/meetings?offset=${offset}&limit=500`);
      expect(body.total).toBe(1200);
      body.items.forEach((m) => seen.add(m.conferenceID));
    }
    expect(seen.size).toBe(1200);
    // Three upstream pages of 500, fetched once and shared by the three dashboard pages.
    expect(sim.stats.get("GET /v1/mmc/management/conferences/online")).toBe(3);
    sim.world.setOngoing(24);
  });

  it("shares one upstream fetch between many simultaneous viewers", async () => {
    sim.stats.clear();
    const answers = await Promise.all(Array.from({ length: 50 }, () => admin.json<MeetingListResponse>("/api/meetings?limit=5")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(sim.stats.get("GET /v1/mmc/management/conferences/online")).toBe(1);
  });

  it("lets a host tell the meetings they host from those they are invited to", async () => {
    const alice = sim.world.userByAccount("alice.chen")!;
    const visible = [...sim.world.ongoing.values()].filter((m) => sim.world.canSee(alice, m, false));
    const hosted = visible.filter((m) => m.scheduler.userUUID === alice.userUUID).map((m) => m.conferenceID).sort();
    const { body } = await host.json<MeetingListResponse>("/api/meetings?show=hosting&limit=500");
    expect(body.items.map((m) => m.conferenceID).sort()).toEqual(hosted);
    expect(body.totals.hosting).toBe(hosted.length);
    const invited = await host.json<MeetingListResponse>("/api/meetings?show=invited&limit=500");
    expect(invited.body.total).toBe(visible.length - hosted.length);
    expect(invited.body.items.every((m) => m.viewerHosts === false)).toBe(true);
    // An admin's list is enterprise-wide: nobody's own.
    expect((await admin.json<MeetingListResponse>("/api/meetings")).body.totals.hosting).toBeNull();
  });

  it("shows a host only the meetings Huawei shows their own user", async () => {
    const alice = sim.world.userByAccount("alice.chen")!;
    const expected = [...sim.world.ongoing.values()].filter((m) => sim.world.canSee(alice, m, false)).map((m) => m.conferenceID);
    const { body } = await host.json<MeetingListResponse>("/api/meetings?limit=500");
    expect(body.items.map((m) => m.conferenceID).sort()).toEqual(expected.sort());
    expect(body.total).toBeLessThan(sim.world.ongoing.size);
    const hidden = [...sim.world.ongoing.values()].find((m) => !expected.includes(m.conferenceID))!;
    expect((await host.json(`/api/meetings/${hidden.conferenceID}`)).status).toBe(404);
  });
});

describe("meeting detail", () => {
  it("returns the meeting and all its invitees", async () => {
    const target = [...sim.world.ongoing.values()].sort((a, b) => b.invitees.length - a.invitees.length)[0]!;
    const { status, body } = await admin.json<MeetingDetailResponse>(`/api/meetings/${target.conferenceID}`);
    expect(status).toBe(200);
    expect(body.meeting.conferenceID).toBe(target.conferenceID);
    expect(body.attendees).toHaveLength(target.invitees.length);
    expect(body.attendees.map((a) => a.name).sort()).toEqual(target.invitees.map((i) => i.name).sort());
  });

  it("answers 404 for a meeting that is not going on", async () => {
    const { status, body } = await admin.json("/api/meetings/999999999");
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: "No such meeting, or it is not visible to you." } });
  });
});

describe("bad input", () => {
  it("is rejected with 400 before any upstream call", async () => {
    await admin.json("/api/meetings?limit=1"); // token and cache warm, so any call below would show
    await settle();
    const before = upstreamCalls();
    const cases: [string, RegExp][] = [
      ["/api/meetings?limit=0", /limit: must be 1 to 500/],
      ["/api/meetings?limit=501", /limit: must be 1 to 500/],
      ["/api/meetings?limit=ten", /limit: must be a number/],
      ["/api/meetings?offset=-1", /offset: must be 0 or more/],
      ["/api/meetings?offset=1.5", /offset: must be a whole number/],
      [`/api/meetings?q=${"x".repeat(129)}`, /q: must be at most 128 characters/],
      ["/api/meetings/12345-678", /conference ID is 1 to 32 letters and digits/],
      [`/api/meetings/${"1".repeat(33)}`, /conference ID is 1 to 32 letters and digits/],
    ];
    for (const [url, message] of cases) {
      const { status, body } = await admin.json<{ error: { code: string; message: string } }>(url);
      expect(status, url).toBe(400);
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(message);
    }
    expect(upstreamCalls()).toBe(before);
  });

  it("rejects a malformed sign-in body with 400", async () => {
    const res = await fetch(`${dash.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/username, password/);
  });
});

describe("upstream failures", () => {
  it("turns a persistent 500 into 502 with a clear message, and recovers", async () => {
    sim.faults.add({ path: "/v1/mmc/management/conferences/online", count: 3, status: 500 });
    const { status, body } = await admin.json<{ error: { code: string; message: string } }>("/api/meetings");
    expect(status).toBe(502);
    expect(body.error.code).toBe("upstream_error");
    expect(body.error.message).toContain("500");
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    await settle();
    expect((await admin.json("/api/meetings")).status).toBe(200);
  });

  it("retries a passing 500 and answers 200", async () => {
    sim.faults.add({ path: "/v1/mmc/management/conferences/online", count: 2, status: 500 });
    expect((await admin.json("/api/meetings")).status).toBe(200);
  });

  it("turns persistent rate limiting (429) into 503 with Retry-After", async () => {
    sim.faults.add({ path: "/v1/mmc/management/conferences/online", count: 3, status: 429 });
    const res = await admin.get("/api/meetings");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("upstream_rate_limited");
  });

  it("turns an upstream that never answers into 504, and the server stays up", async () => {
    sim.faults.add({ path: "/v1/mmc/management/conferences/online", count: 1, hang: true });
    const started = Date.now();
    const { status, body } = await admin.json<{ error: { code: string } }>("/api/meetings");
    expect(status).toBe(504);
    expect(body.error.code).toBe("upstream_timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
    const health = await fetch(`${dash.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe("degraded");
    await settle();
    expect((await admin.json("/api/meetings")).status).toBe(200);
    expect(((await (await fetch(`${dash.url}/api/health`)).json()) as { status: string }).status).toBe("ok");
  });

  it("renews an expired token exactly once and retries", async () => {
    await admin.json("/api/meetings");
    await settle();
    sim.tokens.expireAll();
    const before = authCalls();
    const answers = await Promise.all([
      admin.json("/api/meetings?q=a"),
      admin.json("/api/meetings?q=b"),
      admin.json("/api/meetings?q=c"),
      admin.json(`/api/meetings/${[...sim.world.ongoing.keys()][0]}`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(authCalls() - before).toBe(1);
  });
});

describe("health", () => {
  it("needs no session, and tells a stranger only ok or degraded, never where Huawei is or its last error", async () => {
    const res = await fetch(`${dash.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", simulated: false });
    expect(body).not.toHaveProperty("upstream");
    expect(JSON.stringify(body)).not.toContain(sim.url);
    expect((await host.json<Record<string, unknown>>("/api/health")).body).not.toHaveProperty("upstream");
  });

  it("names the upstream to a signed-in admin", async () => {
    const { body } = await admin.json<{ upstream: { baseUrl: string; authKind: string } }>("/api/health");
    expect(body.upstream.baseUrl).toBe(sim.url);
    expect(body.upstream.authKind).toBe("appId");
  });
});
