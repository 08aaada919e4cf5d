import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AttendanceResponse } from "@/lib/domain/attendance";
import type { HistoryListResponse, MeetingDetailResponse } from "@/lib/domain/meeting";
import { missingInvitees } from "@/lib/domain/presence";
import type { SimMeeting } from "@/server/simulator/world";
import { Browser, startStack, addUser, type Stack } from "./dashboard";
import { eventually, LiveClient } from "./live-client";

// Where the simulator and the client once agreed with each other but not with Huawei
// (reference section 11): each case runs the real server against the simulator over HTTP and WebSocket.
let stack: Stack;
let wall: Browser;
const clients: LiveClient[] = [];

beforeAll(async () => {
  stack = await startStack({ seed: 777 }, { HUAWEI_RECONCILE_MS: "60000", UPSTREAM_CACHE_MS: "100", MEETINGS_POLL_MS: "300", RELAY_GRACE_MS: "500", UNAVAILABLE_RETRY_MS: "60000" });
  await addUser(stack.dash, { username: "wall", password: "wall-password", role: "wall" });
  wall = new Browser(stack.dash.url);
  expect((await wall.login("wall", "wall-password")).status).toBe(200);
});
afterEach(() => {
  while (clients.length) clients.pop()!.close();
});
afterAll(() => stack?.stop());

async function watch(m: SimMeeting, cookie = stack.admin.sessionCookie): Promise<LiveClient> {
  const c = new LiveClient(stack.dash.url, cookie);
  clients.push(c);
  await c.connected();
  expect(await c.subscribe({ topic: "meeting", conferenceID: m.conferenceID })).toEqual({ ok: true });
  return c;
}

const used = new Set<string>();
function meeting(pick: (m: SimMeeting) => boolean = () => true): SimMeeting {
  const m = [...stack.sim.world.ongoing.values()].find((x) => !used.has(x.conferenceID) && x.chairForAdmins === "clear" && x.participants.size >= 4 && x.participants.size <= 60 && pick(x))!;
  used.add(m.conferenceID);
  return m;
}

const calls = (key: string) => stack.sim.stats.get(key) ?? 0;

describe("Huawei fidelity", () => {
  it("takes the camera from CAMERASTATE: a video client with its camera off, an audio-only phone", async () => {
    const m = meeting();
    const [a, b] = [...m.participants.values()].filter((p) => p.role !== "host");
    stack.sim.world.changeParticipant(m, a!.pid, { videoSite: true, camera: false });
    stack.sim.world.changeParticipant(m, b!.pid, { videoSite: false });
    const c = await watch(m);
    await eventually(() => c.status === "live" && c.meeting.rows.has(b!.pid), 10_000, "live");
    expect(c.meeting.rows.get(a!.pid)).toMatchObject({ videoSite: true, camera: false });
    expect(c.meeting.rows.get(b!.pid)).toMatchObject({ videoSite: false, camera: false });
    stack.sim.world.changeParticipant(m, a!.pid, { camera: true });
    await eventually(() => c.meeting.rows.get(a!.pid)?.camera === true, 3_000, "camera on");
  });

  it("gives invitees their numbers from participantID, and one present count from the ongoing list", async () => {
    const m = meeting((x) => x.invitees.some((i) => i.phone2));
    const { status, body } = await stack.admin.json<MeetingDetailResponse>(`/api/meetings/${m.conferenceID}`);
    expect(status).toBe(200);
    const withSecond = m.invitees.find((i) => i.phone2)!;
    expect(body.attendees.find((a) => a.phone === withSecond.participantID)).toMatchObject({ otherPhones: [withSecond.phone2] });
    expect(body.attendees.map((a) => a.phone).sort()).toEqual(m.invitees.map((i) => i.participantID).sort());
    // confDetail does not count people: the one figure comes from the ongoing list, with its time.
    expect(body.meeting.participantCount).toBeNull();
    expect(body.listedPresent?.count).toBe(m.participants.size);
    expect(Date.now() - Date.parse(body.listedPresent!.fetchedAt)).toBeLessThan(10_000);
    expect(body.mayEnterHostPassword).toBe(true);
  });

  it("tells a namesake who is present from an invitee who is not", async () => {
    const big = [...stack.sim.world.ongoing.values()].find((x) => x.invitees.some((i) => i.accountId?.endsWith(".twin")))!;
    big.chairForAdmins = "clear";
    const twin = big.invitees.find((i) => i.accountId?.endsWith(".twin"))!;
    const c = await watch(big);
    await eventually(() => c.status === "live" && c.meeting.rows.size === big.participants.size && c.meeting.fields?.attendees.length === big.invitees.length, 15_000, "big meeting live");
    const missing = missingInvitees(c.meeting.fields!.attendees, [...c.meeting.rows.values()]);
    expect([...c.meeting.rows.values()].some((p) => p.name === twin.name)).toBe(true);
    expect(missing.map((a) => a.accountId)).toContain(twin.accountId);
    const absentByNumber = big.invitees.filter((i) => ![...big.participants.values()].some((p) => p.number === i.participantID));
    expect(missing).toHaveLength(absentByNumber.length);
  });

  it("lists hands already up when watching began as raised before it, and new ones as waiting", async () => {
    const m = meeting();
    const [early, late] = [...m.participants.values()].filter((p) => p.role !== "host");
    stack.sim.world.changeParticipant(m, early!.pid, { hand: true });
    const c = await watch(m);
    await eventually(() => c.status === "live" && c.meeting.rows.get(early!.pid)?.handRaised === true, 10_000, "live");
    expect(c.meeting.rows.get(early!.pid)).toMatchObject({ handRaisedBefore: true });
    stack.sim.world.changeParticipant(m, late!.pid, { hand: true });
    await eventually(() => c.meeting.rows.get(late!.pid)?.handRaised === true, 3_000, "new hand");
    expect(c.meeting.rows.get(late!.pid)).toMatchObject({ handRaisedBefore: false });
  });

  it("says plainly when Huawei withholds the host password, does not loop, and goes live once an admin gives it", async () => {
    const m = meeting();
    m.chairForAdmins = "masked";
    // A password no log line could hold by chance, to check that none holds it.
    m.chairPassword = "Chair-Pw-Q7xK2";
    const tokenCalls = calls("GET /v1/mmc/control/conferences/token");
    const c = await watch(m);
    await eventually(() => c.status === "unavailable", 10_000, "unavailable");
    expect(c.statuses.at(-1)).toMatchObject({ upstream: "unavailable", reason: "host_password_withheld" });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(calls("GET /v1/mmc/control/conferences/token")).toBe(tokenCalls);

    // The page still has everything the management API gives, and the host's count from the list.
    const detail = await stack.admin.json<MeetingDetailResponse>(`/api/meetings/${m.conferenceID}`);
    expect(detail.body.listedPresent?.count).toBe(m.participants.size);

    const url = `/api/meetings/${m.conferenceID}/host-password`;
    expect((await wall.post(url, { password: m.chairPassword })).status).toBe(403);
    expect((await stack.admin.post(url, {})).status).toBe(400);
    const wrong = await stack.admin.post(url, { password: "000000" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: "wrong_host_password" } });
    expect(c.status).toBe("unavailable");

    const right = await stack.admin.post(url, { password: m.chairPassword });
    expect(right.status).toBe(204);
    expect(await right.text()).toBe("");
    await eventually(() => c.status === "live" && c.meeting.rows.size === m.participants.size, 10_000, "live after the password");
    expect(stack.dash.output()).not.toContain(m.chairPassword);
  });

  it("limits wrong host passwords per person and meeting", async () => {
    const m = meeting();
    m.chairForAdmins = "absent";
    const url = `/api/meetings/${m.conferenceID}/host-password`;
    for (let i = 0; i < 5; i++) expect((await stack.admin.post(url, { password: `wrong${i}` })).status).toBe(400);
    const limited = await stack.admin.post(url, { password: m.chairPassword });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("uses the host's own password: a host's confDetail carries it in clear", async () => {
    const m = [...stack.sim.world.ongoing.values()].find((x) => x.scheduler.userId === "alice.chen" && !used.has(x.conferenceID) && x.participants.size >= 2)!;
    used.add(m.conferenceID);
    m.chairForAdmins = "absent";
    const c = await watch(m);
    await eventually(() => c.statuses.at(-1)?.reason === "host_password_withheld", 10_000, "withheld for the admin");
    const host = await watch(m, stack.host.sessionCookie);
    await eventually(() => c.status === "live" && host.status === "live", 10_000, "live through the host's password");
    const hostView = await stack.host.json<MeetingDetailResponse>(`/api/meetings/${m.conferenceID}`);
    expect(hostView.body.mayEnterHostPassword).toBe(true);
  });

  it("reads a not-found error in any spelling as a 404", async () => {
    const m = meeting();
    for (const body of [{ code: "MMC.111070005", message: "CONF_DATA_NOT_FOUND" }, { error: { errorCode: "MMC.111070005", errorMsg: "CONF_DATA_NOT_FOUND" } }]) {
      await fetch(`${stack.sim.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ path: "/v1/mmc/management/conferences/confDetail", status: 400, body }) });
      const { status, body: answer } = await stack.admin.json<{ error: { code: string } }>(`/api/meetings/${m.conferenceID}`);
      expect(status).toBe(404);
      expect(answer.error.code).toBe("not_found");
      await new Promise((r) => setTimeout(r, 150)); // past UPSTREAM_CACHE_MS
    }
  });

  it("shows past meetings as ended, asks in English, and shows known record words in the UI's words", async () => {
    const { body } = await stack.admin.json<HistoryListResponse>("/api/history");
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((i) => i.state))).toEqual(new Set(["ended"]));
    const past = body.items.find((i) => i.confUUID)!;
    const attendance = await stack.admin.json<AttendanceResponse>(`/api/history/${past.confUUID}/attendance`);
    expect(attendance.status).toBe(200);
    const sessions = attendance.body.people.flatMap((p) => p.sessions);
    expect(sessions.every((s) => s.deviceKind !== null && s.mediaKind !== null)).toBe(true);
    const languages = (await (await fetch(`${stack.sim.url}/__sim/languages`)).json()) as Record<string, string>;
    for (const key of ["GET /v1/mmc/management/conferences/history", "GET /v1/mmc/management/conferences/history/confAttendeeRecord", "GET /v1/mmc/management/conferences/online"]) {
      expect(languages[key], key).toBe("en-US");
    }
    const csv = await (await stack.admin.get(`/api/history/${past.confUUID}/attendance.csv`)).text();
    expect(csv).not.toMatch(/软终端|移动终端|硬终端|视频|语音/);
  });

  it("asks Huawei in the reader's language for records shown to them, kept apart per language", async () => {
    const { body } = await stack.admin.json<HistoryListResponse>("/api/history");
    const past = body.items.find((i) => i.confUUID)!;
    const zh = { "accept-language": "zh-CN,zh;q=0.9" };
    const answer = await stack.admin.get(`/api/history/${past.confUUID}/attendance`, zh);
    expect(answer.status).toBe(200);
    const languages = (await (await fetch(`${stack.sim.url}/__sim/languages`)).json()) as Record<string, string>;
    expect(languages["GET /v1/mmc/management/conferences/history/confAttendeeRecord"]).toBe("zh-CN");
    const sessions = ((await answer.json()) as AttendanceResponse).people.flatMap((p) => p.sessions);
    expect(sessions.some((s) => /[\u4e00-\u9fff]/.test(s.device ?? ""))).toBe(true);

    const csv = await stack.admin.get(`/api/history/${past.confUUID}/attendance.csv?tz=Asia/Shanghai`, zh);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("姓名,呼叫号码,部门,首次入会（Asia/Shanghai）,最后离会（Asia/Shanghai）,参会分钟数,占会议时长（%）,入会次数,迟到,早退");
    expect(csv.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("参会记录")}-`);
    // The English reader's copy was not replaced by the Chinese one.
    const english = await stack.admin.json<AttendanceResponse>(`/api/history/${past.confUUID}/attendance`);
    expect(english.body.people.flatMap((p) => p.sessions).some((s) => /[\u4e00-\u9fff]/.test(s.device ?? ""))).toBe(false);
  });
});
