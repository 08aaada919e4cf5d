import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertsResponse, Channel, Delivery } from "@/lib/alerts/alert-schemas";
import type { SimMeeting } from "@/server/simulator/world";
import { addUser, Browser, startDashboard, startStack, type Stack } from "./dashboard";
import { eventually } from "./live-client";
import { MailReceiver, PlatformReceivers, SECRETS } from "./platform-receivers";

let stack: Stack;
let wall: Browser;
const receivers = new PlatformReceivers();
const mail = new MailReceiver();

const ENV = {
  MEETINGS_POLL_MS: "300",
  UPSTREAM_CACHE_MS: "100",
  RELAY_GRACE_MS: "500",
  ATTENTION_HAND_WAIT_MS: "1000",
  QUALITY_POLL_MS: "500",
  QUALITY_LIVE_POLL_MS: "500",
  ALERT_TICK_MS: "200",
  ALERT_LEASE_TTL_MS: "3000",
  ALERT_RETRY_BASE_MS: "300",
  ALERT_RATE_LIMIT_WAIT_MS: "1500",
  ALERT_SEND_TIMEOUT_MS: "1000",
  PUBLIC_URL: "https://monitor.example.com",
};

beforeAll(async () => {
  await receivers.start();
  await mail.start("mailer", "mail-password");
  stack = await startStack({ seed: 2020 }, ENV);
  await addUser(stack.dash, { username: "wall", password: "wall-password", role: "wall" });
  wall = new Browser(stack.dash.url);
  expect((await wall.login("wall", "wall-password")).status).toBe(200);
});
afterAll(async () => {
  await stack?.stop();
  await receivers.stop();
  await mail.stop();
});

const send = (who: Browser, method: string, path: string, body?: unknown) =>
  fetch(`${stack.dash.url}${path}`, { method, headers: { cookie: who.sessionCookie, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

async function createChannel(body: Record<string, unknown>): Promise<string> {
  const res = await stack.admin.post("/api/alerts/channels", { language: "en", ...body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function createRule(body: Record<string, unknown>, who = stack.admin): Promise<string> {
  const res = await who.post("/api/alerts/rules", body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const testChannel = async (id: string) => (await (await send(stack.admin, "POST", `/api/alerts/channels/${id}/test`)).json()) as Delivery;
const alerts = async (who = stack.admin) => (await who.json<AlertsResponse>("/api/alerts")).body;
const channels = async () => (await stack.admin.json<{ items: Channel[] }>("/api/alerts/channels")).body.items;
const firingFor = async (m: SimMeeting, reason: string) => (await alerts()).firing.find((a) => a.conferenceID === m.conferenceID && a.reason === reason);

/** Waits for the evaluator to say, after `since`, that every meeting its rules cover is watched (nothing is seen of a meeting before). */
async function watchedByRules(since: number): Promise<void> {
  await eventually(
    async () => {
      const { evaluatedAt, unwatched } = await alerts();
      return evaluatedAt !== null && Date.parse(evaluatedAt) > since && unwatched.length === 0;
    },
    20_000,
    "every covered meeting watched",
  );
}

/** Meetings no other test touches: each test takes its own. */
const taken = new Set<string>();
function takeMeeting(ok: (m: SimMeeting) => boolean): SimMeeting {
  const m = [...stack.sim.world.ongoing.values()].find((x) => !taken.has(x.conferenceID) && x.chairForAdmins === "clear" && ok(x));
  if (!m) throw new Error("no meeting left for this test");
  taken.add(m.conferenceID);
  return m;
}
const people = (m: SimMeeting) => [...m.participants.values()];
const removeHosts = (m: SimMeeting) => {
  for (const p of people(m)) {
    if (p.role === "host") stack.sim.world.leave(m, p.pid);
    else if (p.role === "cohost") stack.sim.world.changeParticipant(m, p.pid, { role: "participant" });
  }
};

describe("alert channels", () => {
  it("are for admins to make, checked, and never show their secrets or keys", async () => {
    expect((await stack.host.post("/api/alerts/channels", { kind: "webhook", name: "x", url: receivers.urls().webhook, language: "en" })).status).toBe(403);
    expect((await wall.json("/api/alerts/channels")).status).toBe(403);
    const bad = async (body: Record<string, unknown>) => {
      const res = await stack.admin.post("/api/alerts/channels", { kind: "webhook", name: "x", language: "en", ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await bad({ url: "http://example.com/hook" })).toMatch(/loopback/);
    expect(await bad({ kind: "pager", url: receivers.urls().webhook })).toMatch(/kind/);
    expect(await bad({ url: "ftp://example.com/x" })).toMatch(/https/);
    expect(await bad({ kind: "dingtalk", url: receivers.urls().dingtalk, mentions: ["not-a-phone"] })).toMatch(/phone/);
    expect(await bad({ kind: "email", url: "smtp://127.0.0.1:25" })).toMatch(/recipient/);
    expect(await bad({ url: receivers.urls().webhook, language: "fr" })).toMatch(/language/);

    // A webhook given no secret gets one, told once.
    const res = await stack.admin.post("/api/alerts/channels", { kind: "webhook", name: "generated", url: receivers.urls().webhook, language: "en" });
    const made = (await res.json()) as { id: string; secret: string };
    expect(made.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    await createChannel({ kind: "wecom", name: "keyed", url: receivers.urls().wecom });
    const listed = JSON.stringify(await channels());
    expect(listed).not.toContain(made.secret);
    expect(listed).not.toContain(SECRETS.wecomKey);
    expect(listed).toContain(receivers.base);
    // Hosts may pick a channel but learn nothing of where it sends.
    const forHost = (await stack.host.json<{ items: Channel[] }>("/api/alerts/channels")).body.items;
    expect(forHost.every((c) => c.target === "" && c.to.length === 0)).toBe(true);
    expect((await send(stack.admin, "DELETE", `/api/alerts/channels/${made.id}`)).status).toBe(204);
  });

  it("refuse to send to link-local and metadata addresses, and say so on the channel", async () => {
    const id = await createChannel({ kind: "webhook", name: "metadata", url: "https://169.254.169.254/latest/meta-data", secret: "x" });
    const delivery = await testChannel(id);
    expect(delivery.state).toBe("failed");
    expect(delivery.answer).toMatch(/link-local|metadata/);
    const c = (await channels()).find((x) => x.id === id)!;
    expect(c.failingSince).not.toBeNull();
    expect((await send(stack.admin, "DELETE", `/api/alerts/channels/${id}`)).status).toBe(204);
  });

  it("send a test to every platform, signed and shaped as each documents, in the channel's language", async () => {
    const urls = receivers.urls();
    const ids = {
      webhook: await createChannel({ kind: "webhook", name: "ops webhook", url: urls.webhook, secret: SECRETS.webhook }),
      wecom: await createChannel({ kind: "wecom", name: "企业微信群", url: urls.wecom, mentions: ["zhangsan"], language: "zh-CN" }),
      dingtalk: await createChannel({ kind: "dingtalk", name: "钉钉群", url: urls.dingtalk, secret: SECRETS.dingtalk, mentions: ["13800000000"] }),
      feishu: await createChannel({ kind: "feishu", name: "飞书群", url: urls.feishu, secret: SECRETS.feishu, mentions: ["ou_abc"], language: "zh-CN" }),
      welink: await createChannel({ kind: "welink", name: "WeLink", url: urls.welink }),
      email: await createChannel({ kind: "email", name: "NOC mail", url: `smtp://mailer:mail-password@127.0.0.1:${mail.port}`, to: ["noc@example.com", "lead@example.com"], from: "alerts@example.com" }),
    };
    for (const [kind, id] of Object.entries(ids)) {
      const d = await testChannel(id);
      expect(d.state, `${kind}: ${d.answer}`).toBe("delivered");
    }
    expect(receivers.refused).toEqual([]);
    expect(receivers.of("webhook").at(-1)!.body).toMatchObject({ version: 1, type: "alert.test", language: "en" });
    expect(receivers.of("wecom").at(-1)!.text).toContain("会议监控测试消息");
    expect(receivers.of("wecom").at(-1)!.text).toContain("<@zhangsan>");
    expect(receivers.of("dingtalk").at(-1)!.text).toContain("@13800000000");
    expect(receivers.of("dingtalk").at(-1)!.body.at).toEqual({ atMobiles: ["13800000000"], isAtAll: false });
    expect(receivers.of("feishu").at(-1)!.text).toContain('<at user_id="ou_abc"></at>');
    expect(receivers.of("welink").at(-1)!.text).toContain("Test message from Meeting Monitor");
    const email = mail.mails.at(-1)!;
    expect(email).toMatchObject({ from: "alerts@example.com", to: ["noc@example.com", "lead@example.com"] });
    expect(email.raw).toMatch(/Subject: Test message from Meeting Monitor/);
    // No secret reaches the logs.
    for (const secret of Object.values(SECRETS)) expect(stack.dash.output()).not.toContain(secret);
  });

  it("a platform that refuses the signature is told on the channel, and the message is retried", async () => {
    const id = await createChannel({ kind: "dingtalk", name: "wrong secret", url: receivers.urls().dingtalk, secret: "SEC-not-the-one" });
    const d = await testChannel(id);
    expect(d.state).toBe("pending");
    expect(d.answer).toMatch(/310000 sign not match/);
    expect((await channels()).find((c) => c.id === id)!.lastError).toMatch(/310000/);
    expect(receivers.refused.at(-1)).toEqual({ platform: "dingtalk", why: "bad sign" });
    expect((await send(stack.admin, "DELETE", `/api/alerts/channels/${id}`)).status).toBe(204);
    // Removed: its message is not tried again.
    await new Promise((r) => setTimeout(r, 1_000));
    const refusals = receivers.refused.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receivers.refused.length).toBe(refusals);
    receivers.refused.length = 0;
  });
});

describe("rules", () => {
  it("are checked: a host may only alert on their own meetings, about what concerns a host", async () => {
    const channel = await createChannel({ kind: "webhook", name: "for rules", url: receivers.urls().webhook, secret: SECRETS.webhook });
    expect((await stack.admin.post("/api/alerts/rules", { reason: "nope", channelIds: [channel] })).status).toBe(400);
    expect((await stack.admin.post("/api/alerts/rules", { reason: "no_host", channelIds: ["0123456789abcdef"] })).status).toBe(400);
    expect((await stack.admin.post("/api/alerts/rules", { reason: "below_headcount", channelIds: [channel] })).status).toBe(400);
    expect((await stack.admin.post("/api/alerts/rules", { reason: "no_host", channelIds: [channel], workingHours: { timeZone: "Mars/Base", days: [1], from: "09:00", to: "17:00" } })).status).toBe(400);
    expect((await stack.host.post("/api/alerts/rules", { reason: "live_data_stale", channelIds: [channel] })).status).toBe(403);
    expect((await wall.post("/api/alerts/rules", { reason: "no_host", channelIds: [channel] })).status).toBe(403);
    const own = await createRule({ reason: "quorum_leave", channelIds: [channel], scope: { subjects: ["*nothing matches this*"] } }, stack.host);
    const hostRules = (await stack.host.json<{ items: { id: string; ownerRole: string; ownerUserUUID: string | null }[] }>("/api/alerts/rules")).body.items;
    expect(hostRules).toEqual([expect.objectContaining({ id: own, ownerRole: "host", ownerUserUUID: expect.any(String) })]);
    expect((await send(stack.admin, "DELETE", `/api/alerts/rules/${own}`)).status).toBe(204);
  });

  it("fire and recover as the simulator drives meetings into each of them, with the meeting, the reason and a link", async () => {
    const urls = receivers.urls();
    const ding = await createChannel({ kind: "dingtalk", name: "rules ding", url: urls.dingtalk, secret: SECRETS.dingtalk });
    const hook = await createChannel({ kind: "webhook", name: "rules hook", url: urls.webhook, secret: SECRETS.webhook });
    const noHost = takeMeeting((m) => people(m).length >= 4 && people(m).length <= 30);
    const quorum = takeMeeting((m) => people(m).length >= 4 && people(m).length <= 30);
    const few = takeMeeting((m) => people(m).length >= 3 && people(m).length <= 30);
    const hand = takeMeeting((m) => people(m).length >= 4 && people(m).length <= 30 && people(m).every((p) => !p.hand));
    const drop = takeMeeting((m) => people(m).length >= 12 && people(m).length <= 60);
    const quality = takeMeeting((m) => people(m).length >= 4 && people(m).length <= 30);
    await createRule({ reason: "no_host", channelIds: [ding], scope: { conferenceIds: [noHost.conferenceID] }, recoveryMs: 500 });
    await createRule({ reason: "quorum_leave", channelIds: [hook], scope: { conferenceIds: [quorum.conferenceID] } });
    await createRule({ reason: "below_headcount", threshold: people(few).length + 1, channelIds: [hook], scope: { conferenceIds: [few.conferenceID] } });
    await createRule({ reason: "hand_waiting", threshold: 1_000, channelIds: [hook], scope: { conferenceIds: [hand.conferenceID] } });
    await createRule({ reason: "headcount_drop", channelIds: [hook], scope: { conferenceIds: [drop.conferenceID] } });
    await createRule({ reason: "poor_quality", threshold: 1, channelIds: [hook], scope: { conferenceIds: [quality.conferenceID] } });
    const fresh = stack.sim.world.startNow({ withHost: false });
    await createRule({ reason: "started_without_host", threshold: 1_500, channelIds: [hook], scope: { subjects: [fresh.subject] } });
    await watchedByRules(Date.now());

    removeHosts(noHost);
    const leaver = people(quorum).find((p) => p.role === "participant")!;
    stack.sim.world.leave(quorum, leaver.pid);
    const raiser = people(hand).find((p) => p.role === "participant")!;
    stack.sim.world.changeParticipant(hand, raiser.pid, { hand: true });
    for (const p of people(drop).filter((x) => x.role === "participant").slice(0, Math.ceil(people(drop).length * 0.5))) stack.sim.world.leave(drop, p.pid);
    const sick = people(quality).find((p) => p.role === "participant")!;
    await fetch(`${stack.sim.url}/__sim/meetings/${quality.conferenceID}/participants/${sick.pid}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ network: "bad" }) });
    sick.network = { level: "bad", since: sick.joinedAt };

    const hookFor = (m: SimMeeting, reason: string) =>
      receivers.of("webhook").find((r) => {
        const first = (r.body.alerts as { alert: { conferenceID: string; reason: string } | null }[])[0]?.alert;
        return r.body.type === "alert.fire" && first?.conferenceID === m.conferenceID && first.reason === reason;
      });
    await eventually(() => receivers.of("dingtalk").some((r) => r.text.includes(noHost.subject) && r.text.includes("No host present")), 15_000, "no host told on DingTalk");
    for (const [m, reason] of [[quorum, "quorum_leave"], [few, "below_headcount"], [hand, "hand_waiting"], [drop, "headcount_drop"], [quality, "poor_quality"], [fresh, "started_without_host"]] as const) {
      await eventually(() => Boolean(hookFor(m, reason)), 20_000, `${reason} told on the webhook`);
    }
    const told = receivers.of("dingtalk").find((r) => r.text.includes(noHost.subject))!;
    expect(told.text).toContain(`https://monitor.example.com/meetings/${noHost.conferenceID}`);
    const quorumBody = hookFor(quorum, "quorum_leave")!.body as { alerts: { alert: { detail: unknown } }[]; link: string };
    expect(quorumBody.alerts[0]!.alert.detail).toEqual({ key: "left", values: { names: leaver.name } });
    expect(quorumBody.link).toBe(`https://monitor.example.com/meetings/${quorum.conferenceID}`);
    expect(receivers.refused).toEqual([]);

    // On the page's API, with its deliveries; acknowledged; then the host is back and the recovery is told.
    const alert = await firingFor(noHost, "no_host");
    expect(alert?.deliveries).toEqual([expect.objectContaining({ channelId: ding, kind: "fire", state: "delivered" })]);
    // Not a host's to acknowledge (not their rule), nor a wall's.
    expect((await send(stack.host, "POST", `/api/alerts/${alert!.id}/ack`)).status).toBe(404);
    expect((await send(stack.host, "POST", `/api/alerts/${alert!.id}/silence`, { minutes: 60 })).status).toBe(404);
    expect((await send(wall, "POST", `/api/alerts/${alert!.id}/ack`)).status).toBe(403);
    expect((await alerts(stack.host)).firing).toEqual([]);
    expect((await send(stack.admin, "POST", `/api/alerts/${alert!.id}/silence`, { minutes: 0 })).status).toBe(400);
    expect((await send(stack.admin, "POST", `/api/alerts/${alert!.id}/ack`)).status).toBe(204);
    const back = stack.sim.world.join(noHost, { name: "Returning Host" });
    stack.sim.world.changeParticipant(noHost, back.pid, { role: "host" });
    await eventually(() => receivers.of("dingtalk").some((r) => r.text.includes("[Recovered]") && r.text.includes(noHost.subject)), 15_000, "recovery told");
    const after = (await alerts()).recent.find((a) => a.id === alert!.id)!;
    expect(after).toMatchObject({ ackedBy: "admin", clearedAt: expect.any(String) });
    expect(after.deliveries.map((d) => `${d.kind}:${d.state}`)).toEqual(["fire:delivered", "recover:delivered"]);
    // Each alert told once, however many ticks it held for.
    const keys = receivers.received.map((r) => r.headers["x-meeting-monitor-idempotency-key"]).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
    // The wall sees what fires, without the deliveries.
    const onWall = await alerts(wall);
    expect(onWall.firing.length).toBeGreaterThan(0);
    expect(onWall.recent).toEqual([]);
    expect(onWall.firing.every((a) => a.deliveries.length === 0)).toBe(true);
  });

  it("over a platform's rate limit, messages are combined into one summary and none is dropped", async () => {
    const wecom = await createChannel({ kind: "wecom", name: "busy group", url: receivers.urls().wecom });
    // 19 of WeCom's 20 a minute spent on tests...
    for (let i = 0; i < 19; i++) expect((await testChannel(wecom)).state).toBe("delivered");
    const before = receivers.of("wecom").length;
    // ...then a rule that fires for many meetings at once.
    const many = [...stack.sim.world.ongoing.values()].filter((m) => !taken.has(m.conferenceID) && m.chairForAdmins === "clear").slice(0, 6);
    for (const m of many) taken.add(m.conferenceID);
    const rule = await createRule({ reason: "below_headcount", threshold: 100_000, channelIds: [wecom], scope: { conferenceIds: many.map((m) => m.conferenceID) } });
    await eventually(() => receivers.of("wecom").length > before, 20_000, "the summary");
    await new Promise((r) => setTimeout(r, 1_000));
    const got = receivers.of("wecom").slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toMatch(/6 alert messages at once/);
    for (const m of many) expect(got[0]!.text).toContain(m.subject);
    const fired = (await alerts()).firing.filter((a) => a.ruleId === rule);
    expect(fired).toHaveLength(6);
    expect(fired.flatMap((a) => a.deliveries).every((d) => d.state === "delivered" && d.summarized)).toBe(true);
    expect((await send(stack.admin, "DELETE", `/api/alerts/rules/${rule}`)).status).toBe(204);
    expect((await alerts()).firing.filter((a) => a.ruleId === rule)).toEqual([]);
  });

  it("receivers that fail, time out or rate-limit are retried until the message is through, and the channel says it was failing", async () => {
    const id = await createChannel({ kind: "webhook", name: "flaky", url: receivers.urls().webhook, secret: SECRETS.webhook });
    receivers.fault("hook", "fail");
    receivers.fault("hook", "hang");
    receivers.fault("hook", "rate_limit");
    const first = await testChannel(id);
    expect(first.state).toBe("pending");
    expect(first.answer).toMatch(/HTTP 502/);
    const failing = (await channels()).find((c) => c.id === id)!;
    expect(failing.failingSince).not.toBeNull();
    const health = await stack.admin.json<{ alerts: { failingChannels: number } }>("/api/health");
    expect(health.body.alerts.failingChannels).toBeGreaterThan(0);
    await eventually(async () => (await channels()).find((c) => c.id === id)?.failingSince === null, 20_000, "delivered after retries");
    const accepted = receivers.of("webhook").filter((r) => r.headers["x-meeting-monitor-idempotency-key"] === `test:${first.id}`);
    expect(accepted).toHaveLength(1);
    expect(receivers.hung.length).toBeGreaterThan(0);
  });
});

describe("delivery across restarts", () => {
  it("a restart mid-delivery loses nothing and sends nothing twice", async () => {
    const channel = await createChannel({ kind: "webhook", name: "restart", url: receivers.urls().webhook, secret: SECRETS.webhook });
    const m = takeMeeting((x) => people(x).length >= 4 && people(x).length <= 30);
    await createRule({ reason: "no_host", channelIds: [channel], scope: { conferenceIds: [m.conferenceID] } });
    await watchedByRules(Date.now());
    const hungBefore = receivers.hung.length;
    receivers.fault("hook", "hang");
    removeHosts(m);
    // The message is on its way (the receiver holds it): the dashboard dies there.
    await eventually(() => receivers.hung.length > hungBefore, 15_000, "message in flight");
    stack.dash.process.kill("SIGKILL");
    await new Promise((r) => stack.dash.process.once("exit", r));
    const restarted = await startDashboard(stack.dash.env, stack.dash.dataDir);
    stack.dash = restarted;
    const admin = new Browser(restarted.url);
    expect((await admin.login("admin", "stack-admin-password")).status).toBe(200);
    const keyOf = (r: { body: Record<string, unknown> }) => ((r.body.alerts as { alert: { conferenceID: string } | null }[])[0]?.alert?.conferenceID === m.conferenceID ? String(r.body.idempotencyKey) : null);
    await eventually(() => receivers.of("webhook").some((r) => keyOf(r) !== null), 30_000, "delivered after the restart");
    await new Promise((r) => setTimeout(r, 3_000));
    const told = receivers.of("webhook").filter((r) => keyOf(r) !== null);
    expect(told).toHaveLength(1);
    const { body } = await admin.json<AlertsResponse>("/api/alerts");
    const firing = body.firing.filter((a) => a.conferenceID === m.conferenceID);
    expect(firing).toHaveLength(1);
    expect(firing[0]!.deliveries).toEqual([expect.objectContaining({ state: "delivered", attempts: 1 })]);
  });
});
