import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArchiveStatus } from "@/lib/archive/archive-collector";
import type { AttendanceResponse } from "@/lib/domain/attendance";
import type { HistoryListResponse } from "@/lib/domain/meeting";
import type { DepartmentReport } from "@/lib/reports/department-report";
import type { PeopleReport } from "@/lib/reports/people-report";
import type { SeriesReport, SeriesSummary } from "@/lib/reports/series-report";
import { simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import { ENGINES, testPlace } from "@/tests/stores";
import { addUser, Browser, startDashboard } from "./dashboard";

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

const YEAR_AGO = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
const range = `from=${YEAR_AGO}`;

describe.each(ENGINES)("reports over the archive on %s", (engine) => {
  let sim: Simulator;
  let admin: Browser;
  let host: Browser;

  beforeAll(async () => {
    sim = await startSimulator({ tickMs: 0, seed: engine === "sqlite" ? 2601 : 2602, historyDays: 190, historyPerDay: 1, retentionDays: 180 });
    cleanup.push(() => sim.close());
    const place = await testPlace(engine);
    cleanup.push(() => place.drop());
    await addUser({ dataDir: place.dataDir, env: place.env }, { username: "alice", password: "alice-password", role: "host", huaweiUserId: "alice.chen" });
    const dash = await startDashboard(
      { ...simulatorEnv(sim.url), ...place.env, DASHBOARD_ADMIN_PASSWORD: "reports-admin-pw", ARCHIVE_COLLECT: "on", ARCHIVE_INTERVAL_MS: "600000", HUAWEI_MAX_RPS: "200", ARCHIVE_CONCURRENCY: "4" },
      place.dataDir,
    );
    cleanup.push(() => dash.stop());
    admin = new Browser(dash.url);
    host = new Browser(dash.url);
    expect((await admin.login("admin", "reports-admin-pw")).status).toBe(200);
    expect((await host.login("alice", "alice-password")).status).toBe(200);
    // Backfilled: the archive holds what Huawei holds (expect.poll is for tests, not hooks).
    const held = sim.world.keptHistory().length;
    for (let waited = 0; (await admin.json<ArchiveStatus>("/api/archive/status")).body.meetings < held; waited += 500) {
      if (waited > 60_000) throw new Error("the archive did not catch up within a minute");
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 90_000);

  /** The simulator's own series: meeting IDs held more than once that Huawei still has. */
  function simSeries(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of sim.world.keptHistory()) counts.set(m.conferenceID, (counts.get(m.conferenceID) ?? 0) + 1);
    return new Map([...counts].filter(([, n]) => n > 1));
  }

  it("lists every meeting ID held more than once, with how often", async () => {
    const { status, body } = await admin.json<{ items: SeriesSummary[] }>(`/api/series?${range}`);
    expect(status).toBe(200);
    expect(new Map(body.items.map((s) => [s.conferenceID, s.occurrences]))).toEqual(simSeries());
    expect(body.items.map((s) => s.subject)).toEqual(expect.arrayContaining(["Weekly all-hands 全员周会", "Data engineering course 数据工程课", "Daily stand-up"]));
  });

  it("a series: each occurrence's head count and each person's total agree with the meetings' own attendance", async () => {
    const course = (await admin.json<{ items: SeriesSummary[] }>(`/api/series?${range}`)).body.items.find((s) => s.subject.startsWith("Data engineering"))!;
    const { status, body } = await admin.json<SeriesReport>(`/api/series/${course.conferenceID}?${range}`);
    expect(status).toBe(200);
    expect(body.occurrences).toHaveLength(course.occurrences);
    const attendances = await Promise.all(body.occurrences.map(async (o) => (await admin.json<AttendanceResponse>(`/api/history/${o.confUUID}/attendance`)).body));
    expect(body.occurrences.map((o) => o.present)).toEqual(attendances.map((a) => a.people.length));
    for (const person of body.people.slice(0, 10)) {
      const perMeeting = attendances.map((a) => a.people.filter((p) => p.name === person.name && p.callNumber === person.number).reduce((n, p) => n + p.durationMs, 0));
      expect(person.totalMs).toBe(perMeeting.reduce((a, b) => a + b, 0));
      expect(person.of).toBe(body.occurrences.length);
      expect({ name: person.name, attended: person.attended, shares: person.sharePerOccurrence }).toEqual({ name: person.name, attended: perMeeting.filter((ms) => ms > 0).length, shares: perMeeting.map((ms, i) => Math.round(Math.min(1, ms / (Date.parse(body.occurrences[i]!.endedAt) - Date.parse(body.occurrences[i]!.startedAt))) * 1000) / 1000) });
    }
    // "Stayed at least 75%": fewer occurrences count, exactly those of 75% or more.
    const strict = (await admin.json<SeriesReport>(`/api/series/${course.conferenceID}?${range}&minShare=75`)).body;
    for (const [i, person] of strict.people.entries()) {
      expect(person.attended).toBe(person.sharePerOccurrence.filter((s) => s >= 0.75).length);
      expect(person.attended).toBeLessThanOrEqual(body.people[i]!.attended);
    }
    expect((await admin.get(`/api/series/${course.conferenceID}?minShare=150`)).status).toBe(400);
    expect((await admin.get(`/api/series/999999999?${range}`)).status).toBe(404);
  });

  it("a series downloads as CSV and Excel in the reader's language", async () => {
    const weekly = (await admin.json<{ items: SeriesSummary[] }>(`/api/series?${range}`)).body.items.find((s) => s.subject.startsWith("Weekly"))!;
    const report = (await admin.json<SeriesReport>(`/api/series/${weekly.conferenceID}?${range}`)).body;
    const csv = await admin.get(`/api/series/${weekly.conferenceID}.csv?${range}&tz=Asia/Shanghai`, { "accept-language": "zh-CN" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toMatch(/^姓名,号码,账号,出席次数/);
    expect(lines).toHaveLength(report.people.length + 1);
    const xlsx = await admin.get(`/api/series/${weekly.conferenceID}.xlsx?${range}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(["People", "Occurrences"]);
    expect(book.worksheets[1]!.rowCount).toBeGreaterThanOrEqual(report.occurrences.length);
  });

  it("a person: every archived meeting they attended, found by account, number or name", async () => {
    const alice = sim.world.users[0]!;
    const theirs = sim.world.keptHistory().filter((m) => m.sessions.some((s) => s.callNumber === alice.number));
    const byNumber = (await admin.json<PeopleReport>(`/api/people?q=${encodeURIComponent(alice.number)}&${range}`)).body;
    expect(byNumber.people).toHaveLength(1);
    expect(byNumber.people[0]!.meetings).toBe(theirs.length);
    const byName = (await admin.json<PeopleReport>(`/api/people?q=alice%20ch&${range}`)).body;
    expect(byName.people.map((p) => p.number)).toContain(alice.number);
    expect((await admin.get(`/api/people?${range}`)).status).toBe(400);
    expect((await admin.json<PeopleReport>(`/api/people?q=%25&${range}`)).body.people).toEqual([]);
  });

  it("departments: attendances and person-minutes add up to the meetings' own", async () => {
    const report = (await admin.json<DepartmentReport>(`/api/departments?${range}&by=month&tz=Asia/Shanghai`)).body;
    const held = sim.world.keptHistory();
    const expectedAttendances = held.reduce((n, m) => n + new Set(m.sessions.map((s) => `${s.displayName}|${s.callNumber}`)).size, 0);
    expect(report.rows.reduce((n, r) => n + r.attendances, 0)).toBe(expectedAttendances);
    expect(report.totals.reduce((n, r) => n + r.meetings, 0)).toBeGreaterThanOrEqual(held.length);
    expect(new Set(report.rows.map((r) => r.period.slice(8)))).toEqual(new Set(["01"]));
    const csv = await admin.get(`/api/departments.csv?${range}&by=week`);
    expect(csv.status).toBe(200);
    expect((await admin.get(`/api/departments?by=year`)).status).toBe(400);
  });

  it("history searches the archive beyond Huawei's year, and keeps a meeting Huawei forgot", async () => {
    const oldest = sim.world.keptHistory().at(-1)!;
    expect((await fetch(`${sim.url}/__sim/history/forget`, { method: "POST", body: JSON.stringify({ confUUID: oldest.confUUID }) })).status).toBe(200);
    const { status, body } = await admin.json<HistoryListResponse>(`/api/history?from=2024-01-01&limit=500&q=${encodeURIComponent(oldest.subject)}`);
    expect(status).toBe(200);
    expect(body.items.map((m) => m.confUUID)).toContain(oldest.confUUID);
  });

  it("a host sees only the series of meetings they may see", async () => {
    const all = (await admin.json<{ items: SeriesSummary[] }>(`/api/series?${range}`)).body.items;
    const mine = (await host.json<{ items: SeriesSummary[] }>(`/api/series?${range}`)).body.items;
    const alice = sim.world.users[0]!;
    const visible = new Set(sim.world.keptHistory().filter((m) => sim.world.canSee(alice, m, false)).map((m) => m.conferenceID));
    expect(mine.map((s) => s.conferenceID).sort()).toEqual(all.filter((s) => visible.has(s.conferenceID)).map((s) => s.conferenceID).sort());
    const hidden = all.find((s) => !visible.has(s.conferenceID));
    if (hidden) expect((await host.get(`/api/series/${hidden.conferenceID}?${range}`)).status).toBe(404);
    const aliceDept = (await host.json<DepartmentReport>(`/api/departments?${range}`)).body;
    const adminDept = (await admin.json<DepartmentReport>(`/api/departments?${range}`)).body;
    expect(aliceDept.rows.reduce((n, r) => n + r.attendances, 0)).toBeLessThan(adminDept.rows.reduce((n, r) => n + r.attendances, 0));
  });
});
