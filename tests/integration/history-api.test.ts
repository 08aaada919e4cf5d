import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttendanceResponse } from "@/lib/domain/attendance";
import type { HistoryListResponse } from "@/lib/domain/meeting";
import { HuaweiClient } from "@/lib/huawei/client";
import { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { SIMULATOR_APP_AUTH, type Simulator } from "@/server/simulator/server";
import type { SimMeeting } from "@/server/simulator/world";
import { startStack, type Browser, type Stack } from "./dashboard";

let sim: Simulator;
let admin: Browser;
let host: Browser;
let townHall: SimMeeting;
const DAY = 86_400_000;
const upstreamCalls = () => [...sim.stats.values()].reduce((a, b) => a + b, 0);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: 4242 });
  ({ sim, admin, host } = stack);
  townHall = sim.world.history.find((m) => m.subject.startsWith("Company town hall"))!;
});

afterAll(() => stack?.stop());

describe("GET /api/history", () => {
  it("lists the last 7 days by default, newest first", async () => {
    const { status, body } = await admin.json<HistoryListResponse>("/api/history?limit=500");
    expect(status).toBe(200);
    const since = Date.now() - 7 * DAY;
    const expected = sim.world.history.filter((m) => m.startedAt >= since - 60_000);
    expect(Math.abs(body.total - expected.length)).toBeLessThanOrEqual(1);
    const starts = body.items.map((m) => m.startTime!);
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(body.items.every((m) => m.state === "ended" && m.confUUID)).toBe(true);
    // Each carries its health by Huawei's quality alarms (the last three months): the flags of Huawei's own history list.
    const quality = new HuaweiQualityApi(new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 5_000, maxRetries: 1, requestsPerSecond: 100 }));
    const truth = new Map((await quality.historyMeetings(since - DAY, Date.now())).map((r) => [r.confUUID, r]));
    for (const m of body.items) {
      const r = truth.get(m.confUUID!)!;
      expect(m.health).toMatchObject({ audio: r.audioAlarm, video: r.videoAlarm, screen: r.screenAlarm, cpu: r.cpuAlarm });
    }
    expect(body.items.some((m) => m.health!.audio || m.health!.video || m.health!.screen || m.health!.cpu)).toBe(true);
  });

  it("takes an explicit range and a search", async () => {
    const from = new Date(Date.now() - 30 * DAY).toISOString();
    const to = new Date().toISOString();
    const { body } = await admin.json<HistoryListResponse>(`/api/history?from=${from}&to=${to}&q=${encodeURIComponent("town hall")}`);
    expect(body.items.map((m) => m.confUUID)).toContain(townHall.confUUID);
    expect(body.items.every((m) => /town hall/i.test(m.subject) || /town hall/i.test(m.hostName ?? ""))).toBe(true);
  });

  it("sorts the whole range by a column, both ways", async () => {
    const from = new Date(Date.now() - 30 * DAY).toISOString();
    const { body } = await admin.json<HistoryListResponse>(`/api/history?from=${from}&sort=length&dir=desc&limit=500`);
    const lengths = body.items.map((m) => Date.parse(m.endTime!) - Date.parse(m.startTime!));
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    const byInvited = await admin.json<HistoryListResponse>(`/api/history?from=${from}&sort=invited&dir=asc&limit=3`);
    expect(byInvited.body.items[0]!.invitedCount).toBe(Math.min(...body.items.map((m) => m.invitedCount ?? Infinity)));
    expect((await admin.json("/api/history?sort=attendance")).status).toBe(400);
  });

  it("shows a host only their own past meetings", async () => {
    const alice = sim.world.userByAccount("alice.chen")!;
    const from = new Date(Date.now() - 30 * DAY).toISOString();
    const { body } = await host.json<HistoryListResponse>(`/api/history?from=${from}&limit=500`);
    const visible = new Set(sim.world.history.filter((m) => sim.world.canSee(alice, m, false)).map((m) => m.confUUID));
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((m) => visible.has(m.confUUID!))).toBe(true);
    expect(body.total).toBeLessThan((await admin.json<HistoryListResponse>(`/api/history?from=${from}`)).body.total);
  });

  it("rejects bad dates, reversed and over-long ranges with 400 before any upstream call", async () => {
    const before = upstreamCalls();
    const cases: [string, RegExp][] = [
      ["/api/history?from=yesterday", /from: must be an ISO 8601 date/],
      ["/api/history?to=2026-13-40", /to: must be an ISO 8601 date/],
      ["/api/history?from=2026-11-20T10:00:00", /from: must be an ISO 8601 date/],
      ["/api/history?from=2026-11-20&to=2026-11-10", /from: must not be after to/],
      ["/api/history?from=2014-01-01&to=2026-01-01", /at most ten years/],
      ["/api/history/not-a-uuid/attendance", /confUUID is 32 hexadecimal/],
      [`/api/history/${"g".repeat(32)}/attendance.csv`, /confUUID is 32 hexadecimal/],
      [`/api/history/${townHall.confUUID}/attendance.csv?tz=Mars/Base`, /tz: must be an IANA time zone/],
    ];
    for (const [url, message] of cases) {
      const { status, body } = await admin.json<{ error: { message: string } }>(url);
      expect(status, url).toBe(400);
      expect(body.error.message, url).toMatch(message);
    }
    expect(upstreamCalls()).toBe(before);
  });
});

describe("attendance", () => {
  it("merges a 1,200-record meeting into people, fast, and caches it", async () => {
    expect(townHall.sessions.length).toBeGreaterThanOrEqual(1200);
    sim.stats.clear();
    const started = Date.now();
    const { status, body } = await admin.json<AttendanceResponse>(`/api/history/${townHall.confUUID}/attendance`);
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(body.recordCount).toBe(townHall.sessions.length);
    expect(sim.stats.get("GET /v1/mmc/management/conferences/history/confAttendeeRecord")).toBe(Math.ceil(townHall.sessions.length / 500));
    expect(elapsed).toBeLessThan(5_000);
    const people = new Set(townHall.sessions.map((s) => `${s.displayName}|${s.callNumber}`));
    expect(body.people).toHaveLength(people.size);
    expect(body.summary.people).toBe(people.size);
    expect(body.summary.peakConcurrent).toBeGreaterThan(0);
    expect(body.summary.peakConcurrent).toBeLessThanOrEqual(people.size);

    // A person with overlapping sessions (a second device) is never counted twice.
    const multi = body.people.find((p) => p.sessions.length > 1 && p.sessions.some((s, i) => i > 0 && Date.parse(s.joinedAt) < Date.parse(p.sessions[i - 1]!.leftAt)))!;
    expect(multi).toBeDefined();
    const naiveSum = multi.sessions.reduce((sum, s) => sum + Date.parse(s.leftAt) - Date.parse(s.joinedAt), 0);
    expect(multi.durationMs).toBeLessThan(naiveSum);
    expect(multi.durationMs).toBeLessThanOrEqual(Date.parse(multi.lastLeftAt) - Date.parse(multi.firstJoinedAt));

    sim.stats.clear();
    await admin.json(`/api/history/${townHall.confUUID}/attendance`);
    expect(upstreamCalls()).toBe(0);
  });

  it("names who was invited and did not come: matched by number first, then name", async () => {
    const { body } = await admin.json<AttendanceResponse>(`/api/history/${townHall.confUUID}/attendance`);
    expect(body.invited).toBe(townHall.invitees.length);
    const came = new Set(townHall.sessions.map((s) => s.displayName));
    const cameNumbers = new Set(townHall.sessions.map((s) => s.callNumber));
    const neverCame = townHall.invitees.filter((i) => !came.has(i.name) && !cameNumbers.has(i.participantID));
    expect(body.absent.length).toBeGreaterThan(0);
    expect(body.absent.length).toBeGreaterThanOrEqual(neverCame.length);
    for (const a of body.absent) expect(body.people.some((p) => p.callNumber !== null && p.callNumber === a.phone)).toBe(false);
  });

  it("answers 404 for an unknown meeting", async () => {
    const { status } = await admin.json(`/api/history/${"0".repeat(32)}/attendance`);
    expect(status).toBe(404);
  });

  it("downloads a UTF-8 CSV with a BOM, one row per person, times with their zone", async () => {
    const res = await admin.get(`/api/history/${townHall.confUUID}/attendance.csv?tz=Asia/Shanghai`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="attendance-\d{4}-\d{2}-\d{2}-Company town hall ____\.csv"; filename\*=UTF-8''attendance-/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    const { body } = await admin.json<AttendanceResponse>(`/api/history/${townHall.confUUID}/attendance`);
    expect(lines[0]).toBe("Name,Call number,Department,First joined (Asia/Shanghai),Last left (Asia/Shanghai),Minutes attended,Share of meeting (%),Sessions,Late joiner,Early leaver");
    expect(lines).toHaveLength(body.people.length + 1);
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00,/);
    const chinese = body.people.find((p) => /[\u4e00-\u9fff]/.test(p.name))!;
    expect(lines.some((l) => l.startsWith(`${chinese.name},`))).toBe(true);
  });

  it("downloads an Excel workbook with people and sessions", async () => {
    const res = await admin.get(`/api/history/${townHall.confUUID}/attendance.xlsx`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const { body } = await admin.json<AttendanceResponse>(`/api/history/${townHall.confUUID}/attendance`);
    // Four rows name the meeting, host, date and zone; a blank row; the header; then the rows.
    const people = book.getWorksheet("People")!;
    expect(people.getCell("A1").value).toBe("Meeting");
    expect(people.getCell("B4").value).toBe("UTC");
    expect(people.rowCount).toBe(body.people.length + 6);
    expect(book.getWorksheet("Sessions")!.rowCount).toBe(townHall.sessions.length + 6);
    expect(people.getCell("D6").value).toBe("First joined (UTC)");
    expect(people.getCell("D7").value).toBeInstanceOf(Date);
  });

  it("says how many attended each meeting of a page, and sorts a range by it", async () => {
    const from = new Date(Date.now() - 30 * DAY).toISOString();
    const { body } = await admin.json<HistoryListResponse>(`/api/history?from=${from}&limit=10`);
    const ids = body.items.map((m) => m.confUUID!);
    const { status, body: answer } = await admin.json<{ counts: Record<string, number | null> }>(`/api/history/attended?ids=${ids.join(",")}`);
    expect(status).toBe(200);
    for (const m of body.items) {
      const sim_ = sim.world.history.find((h) => h.confUUID === m.confUUID)!;
      expect(answer.counts[m.confUUID!]).toBe(new Set(sim_.sessions.map((x) => `${x.displayName}|${x.callNumber}`)).size);
    }
    const sorted = await admin.json<HistoryListResponse>(`/api/history?sort=attended&dir=desc&limit=5`);
    expect(sorted.status).toBe(200);
    expect(sorted.body.items[0]!.confUUID).toBe(townHall.confUUID);
    const counts = sorted.body.items.map((m) => sorted.body.attended![m.confUUID!]!);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect((await admin.json(`/api/history/attended?ids=${"z".repeat(32)}`)).status).toBe(400);
    // A range too long to fetch every meeting's attendance says so, with its own code.
    const year = await admin.json<{ error: { code: string } }>(`/api/history?from=${new Date(Date.now() - 365 * DAY).toISOString()}&sort=attended`);
    expect(year.status).toBe(400);
    expect(year.body.error.code).toBe("range_too_large");
    expect((await admin.json(`/api/history/attended?ids=${Array.from({ length: 51 }, () => "a".repeat(32)).join(",")}`)).status).toBe(400);
  });

  it("keeps a host out of meetings they were not part of", async () => {
    const alice = sim.world.userByAccount("alice.chen")!;
    const other = sim.world.history.find((m) => !sim.world.canSee(alice, m, false))!;
    expect((await host.json(`/api/history/${other.confUUID}/attendance`)).status).toBe(404);
  });
});
