import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PresentPeopleResponse } from "@/lib/domain/present-person";
import type { SimMeeting } from "@/server/simulator/world";
import { startStack, type Stack } from "./dashboard";
import { eventually, OpenClients } from "./live-client";

let stack: Stack;
const clients = new OpenClients(() => stack.dash.url);

beforeAll(async () => {
  // A presence watcher reads Huawei's attendee list once, then not again while a test counts the calls.
  stack = await startStack({ seed: 314 }, { UPSTREAM_CACHE_MS: "200", PEOPLE_SEARCH_CACHE_MS: "200", RELAY_GRACE_MS: "300", PRESENCE_POLL_MS: "600000" });
});
afterEach(() => clients.closeAll());
afterAll(() => stack?.stop());

/** The pinyin of the simulator's given names (server/simulator/names.ts), written out here rather than computed. */
const GIVEN: Record<string, string> = {
  伟: "wei", 芳: "fang", 娜: "na", 敏: "min", 静: "jing", 磊: "lei", 洋: "yang", 艳: "yan", 勇: "yong", 军: "jun", 杰: "jie", 娟: "juan",
  涛: "tao", 明: "ming", 超: "chao", 秀英: "xiuying", 志强: "zhiqiang", 晓东: "xiaodong", 雨桐: "yutong", 子涵: "zihan", 浩然: "haoran", 欣怡: "xinyi",
};

const ongoing = () => [...stack.sim.world.ongoing.values()];
const someone = (m: SimMeeting) => [...m.participants.values()].find((p) => p.role === "participant")!;
const search = (q: string, as = stack.admin) => as.json<PresentPeopleResponse>(`/api/people/present?q=${encodeURIComponent(q)}`);
const ATTENDEE_LIST = "GET /v1/mmc/management/conferences/online/conf-attendee";
/** A search, and how many attendee lists it asked Huawei for. */
async function listCalls(q: string) {
  await new Promise((r) => setTimeout(r, 300)); // past the kept lists
  stack.sim.stats.clear();
  const { body } = await search(q);
  return { body, calls: stack.sim.stats.get(ATTENDEE_LIST) ?? 0 };
}

describe("finding a person in the meetings going on", () => {
  it("finds them by name, number or account in every meeting, from Huawei's attendee list where nobody watches live", async () => {
    const m = ongoing().find((x) => x.participants.size >= 3 && x.participants.size <= 40)!;
    const p = someone(m);
    const { status, body } = await search(p.name);
    expect(status).toBe(200);
    expect(body.meetings).toBe(ongoing().length);
    expect(body.searched).toBe(ongoing().length);
    expect(body.items).toContainEqual(expect.objectContaining({ conferenceID: m.conferenceID, name: p.name, source: "attendee-list", muted: null }));
    // Every hit really is in that meeting, under that name.
    for (const item of body.items) expect([...stack.sim.world.ongoing.get(item.conferenceID)!.participants.values()].some((x) => x.name === item.name)).toBe(true);
    const byNumber = await search(p.number.slice(-7));
    expect(byNumber.body.items.map((i) => i.conferenceID)).toContain(m.conferenceID);
    expect(stack.sim.stats.get(ATTENDEE_LIST)).toBeGreaterThan(0);
  });

  it("reads a meeting the dashboard watches from its live state, with mute and hand, and asks Huawei nothing for it", async () => {
    const m = ongoing().find((x) => x.chairForAdmins === "clear" && x.participants.size >= 3 && x.participants.size <= 40)!;
    const p = someone(m);
    const unwatched = await listCalls(p.name);
    const c = await clients.connect(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.meeting.rows.size === m.participants.size, 10_000, "live grid");
    stack.sim.world.changeParticipant(m, p.pid, { hand: true });
    await eventually(() => c.meeting.rows.get(p.pid)?.handRaised === true, 5_000, "hand up");
    const watched = await listCalls(p.name);
    expect(watched.body.items).toContainEqual(expect.objectContaining({ conferenceID: m.conferenceID, name: p.name, source: "live", handRaised: true, muted: p.muted }));
    // The watched meeting (under 500 people: one page) is no longer asked of Huawei.
    expect(watched.calls).toBe(unwatched.calls - 1);
  });

  it("reads a meeting watched without its host password from that watcher's attendee list: no flags, and Huawei not asked again", async () => {
    const m = ongoing().find((x) => x.chairForAdmins !== "clear" && x.participants.size >= 3 && x.participants.size <= 40)!;
    const p = someone(m);
    const unwatched = await listCalls(p.name);
    const c = await clients.connect(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.statuses.at(-1)?.reason === "host_password_withheld" && c.meeting.rows.size === m.participants.size, 10_000, "the presence grid");
    const watched = await listCalls(p.name);
    expect(watched.body.items).toContainEqual(expect.objectContaining({ conferenceID: m.conferenceID, name: p.name, source: "attendee-list", muted: null, handRaised: null }));
    expect(watched.calls).toBe(unwatched.calls - 1);
    // Its download says where the people come from, has no flags, and asks Huawei nothing either.
    stack.sim.stats.clear();
    const lines = (await (await stack.admin.get(`/api/meetings/${m.conferenceID}/participants.csv?tz=UTC`)).text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(stack.sim.stats.get(ATTENDEE_LIST) ?? 0).toBe(0);
    expect(lines).toHaveLength(m.participants.size + 1);
    for (const x of m.participants.values()) expect(lines.some((l) => l.startsWith(`${x.name},`) && l.includes(",,,,,,,,"))).toBe(true);
    const xlsx = await stack.admin.get(`/api/meetings/${m.conferenceID}/participants.xlsx?tz=UTC`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(String(book.worksheets[0]!.getCell("B5").value)).toContain("no host password");
  });

  it("finds a Chinese name by its whole pinyin, which neither the name nor the account contains", async () => {
    const chinese = ongoing().flatMap((m) => [...m.participants.values()].map((p) => ({ m, p }))).find(({ p }) => /^\p{Script=Han}+$/u.test(p.name) && GIVEN[p.name.slice(1)])!;
    // The simulator's accounts are the surname's pinyin and a tag ("wang.x7k2"): the whole name's pinyin is in neither.
    const whole = `${chinese.p.account!.split(".")[0]}${GIVEN[chinese.p.name.slice(1)]}`;
    const { body } = await search(whole);
    expect(body.items.some((i) => i.name === chinese.p.name && i.conferenceID === chinese.m.conferenceID)).toBe(true);
    expect(body.items.every((i) => /^\p{Script=Han}+$/u.test(i.name))).toBe(true);
  });

  it("searches a host's own meetings only, and refuses a one-letter search", async () => {
    const alice = stack.sim.world.userByAccount("alice.chen")!;
    const hidden = ongoing().find((m) => !stack.sim.world.canSee(alice, m, false) && m.participants.size >= 2)!;
    const { body } = await search(someone(hidden).name, stack.host);
    expect(body.items.filter((i) => i.conferenceID === hidden.conferenceID)).toEqual([]);
    expect(body.meetings).toBe(ongoing().filter((m) => stack.sim.world.canSee(alice, m, false)).length);
    const short = await search("a");
    expect(short.status).toBe(400);
  });
});

describe("the live participant list's download", () => {
  it("lists everyone in the meeting with their state, as CSV and Excel, times in the zone asked for", async () => {
    const m = ongoing().find((x) => x.chairForAdmins === "clear" && x.participants.size >= 3 && x.participants.size <= 40 && !x.subject.startsWith("="))!;
    const c = await clients.connect(stack.admin.sessionCookie);
    expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
    await eventually(() => c.meeting.rows.size === m.participants.size, 10_000, "live grid");
    const csv = await stack.admin.get(`/api/meetings/${m.conferenceID}/participants.csv?tz=Asia/Shanghai`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="participants-\d{4}-\d{2}-\d{2}-/);
    const text = (await csv.text()).replace(/^\uFEFF/, "");
    expect(text).toContain("Name,Role,Joined (Asia/Shanghai),Device,Muted,Hand raised,Hand raised at (Asia/Shanghai),Camera on,Sharing,Call number,Account");
    for (const p of m.participants.values()) expect(text).toContain(p.name);
    const xlsx = await stack.admin.get(`/api/meetings/${m.conferenceID}/participants.xlsx?tz=Asia/Shanghai`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell("B5").value).toBe("the live grid");
    expect(sheet.getRow(7).values as unknown[]).toContain("Muted");
    expect(sheet.rowCount).toBe(7 + m.participants.size);
  });

  it("falls back to Huawei's online attendee list, and says so, where nobody watches the meeting; a host cannot download another's", async () => {
    const alice = stack.sim.world.userByAccount("alice.chen")!;
    const m = ongoing().find((x) => x.participants.size >= 2 && !stack.sim.world.canSee(alice, x, false))!;
    await eventually(() => stack.sim.events.openSessions(m.conferenceID) === 0, 5_000, "nobody watching");
    const csv = await stack.admin.get(`/api/meetings/${m.conferenceID}/participants.csv?tz=UTC`);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(m.participants.size + 1);
    for (const p of m.participants.values()) expect(lines.some((l) => l.startsWith(`${p.name},`) && l.includes(",,,,,,,,"))).toBe(true);
    const xlsx = await stack.admin.get(`/api/meetings/${m.conferenceID}/participants.xlsx?tz=UTC`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(String(book.worksheets[0]!.getCell("B5").value)).toContain("Huawei's online attendee list");
    expect((await stack.host.get(`/api/meetings/${m.conferenceID}/participants.csv?tz=UTC`)).status).toBe(404);
  });
});
