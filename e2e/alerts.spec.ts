import { expect, test, type Page } from "@playwright/test";
import { PlatformReceivers, SECRETS } from "../tests/integration/platform-receivers";
import { signIn, SIMULATOR_URL, snap } from "./helpers";

interface SimMeeting {
  conferenceID: string;
  subject: string;
  participants: number;
  chairForAdmins: string;
}

const receivers = new PlatformReceivers();
test.beforeAll(() => receivers.start());
test.afterAll(() => receivers.stop());

const sim = (path: string, method = "GET", body?: unknown) =>
  fetch(`${SIMULATOR_URL}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

async function addChannel(page: Page): Promise<void> {
  const form = page.getByRole("form", { name: "Add channel" });
  await form.getByLabel("Platform").selectOption("dingtalk");
  await form.getByLabel("Name", { exact: true }).fill("NOC 钉钉群");
  await form.getByLabel("URL").fill(receivers.urls().dingtalk);
  await form.getByLabel("Signing secret").fill(SECRETS.dingtalk);
  await form.getByLabel("Messages in").selectOption("zh-CN");
  await form.getByLabel("@-mention").fill("13800000000");
  await form.getByRole("button", { name: "Add channel" }).click();
}

test("an admin makes a DingTalk channel and a rule, tests it, and a meeting losing its host is told, shown, acknowledged and recovered", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const meetings = ((await (await sim("/__sim/meetings")).json()) as SimMeeting[]).filter((m) => m.chairForAdmins === "clear" && m.participants >= 4 && m.participants <= 20);
  const target = meetings.at(-3)!;
  await signIn(page);
  await page.getByRole("link", { name: "Alerts" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();

  await addChannel(page);
  const channel = page.locator("[data-channel]").filter({ hasText: "NOC 钉钉群" });
  await expect(channel).toBeVisible();
  // The secret and the token in the URL are never shown again.
  await expect(page.locator("body")).not.toContainText(SECRETS.dingtalkToken);
  await expect(page.locator("body")).not.toContainText(SECRETS.dingtalk);
  await channel.getByRole("button", { name: "Send a test" }).click();
  await expect(channel.locator("[data-test-result]")).toHaveAttribute("data-test-result", "delivered", { timeout: 20_000 });
  expect(receivers.of("dingtalk").at(-1)!.text).toContain("会议监控测试消息");
  expect(receivers.refused).toEqual([]);

  const form = page.getByRole("form", { name: "Add rule" });
  await form.getByLabel("When").selectOption("no_host");
  await form.getByLabel("NOC 钉钉群").check();
  await form.getByLabel("Meeting IDs").fill(target.conferenceID);
  await form.getByLabel("Recovers after (seconds)").fill("2");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.locator("[data-rule]")).toContainText("No host present → NOC 钉钉群");
  // The rule's meetings are watched before anything is driven.
  await expect(page.locator("[data-evaluated]")).not.toContainText("not been evaluated", { timeout: 15_000 });
  await page.waitForTimeout(3_000);

  const people = ((await (await sim(`/__sim/meetings/${target.conferenceID}`)).json()) as { participants: { pid: string; role: string }[] }).participants;
  for (const p of people.filter((x) => x.role !== "participant")) {
    await sim(`/__sim/meetings/${target.conferenceID}/participants/${p.pid}`, p.role === "host" ? "DELETE" : "POST", p.role === "host" ? undefined : { role: "participant" });
  }
  await expect.poll(() => receivers.of("dingtalk").some((r) => r.text.includes(target.subject) && r.text.includes("主持人不在会")), { timeout: 20_000 }).toBe(true);
  const card = page.locator("[data-firing] [data-reason=no_host]").filter({ hasText: target.subject });
  await expect(card).toBeVisible({ timeout: 10_000 });
  await expect(card.locator("[data-delivery=delivered]")).toHaveCount(1);
  await snap(page, "alerts-firing-en");

  // On the wall too.
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallContext.newPage();
  await wall.goto("/login?next=%2Fwall");
  await wall.getByLabel("Username").fill("wall");
  await wall.getByLabel("Password").fill("wall-demo");
  await wall.getByRole("button", { name: "Sign in" }).click();
  await expect(wall.locator("[data-wall-alert=no_host]").filter({ hasText: target.subject })).toBeVisible({ timeout: 20_000 });
  await snap(wall, "alerts-wall");

  await card.getByRole("button", { name: "Acknowledge" }).click();
  await expect(card.locator("[data-acked]")).toHaveText("Acknowledged by admin");
  await expect(wall.locator("[data-wall-alert=no_host]").filter({ hasText: target.subject })).toContainText("acknowledged", { timeout: 15_000 });

  // The host is back: the recovery arrives and the alert leaves the firing list.
  const back = (await (await sim(`/__sim/meetings/${target.conferenceID}/join`, "POST", { name: "Returning Host" })).json()) as { pid: string };
  await sim(`/__sim/meetings/${target.conferenceID}/participants/${back.pid}`, "POST", { role: "host" });
  await expect.poll(() => receivers.of("dingtalk").some((r) => r.text.includes("【已恢复】") && r.text.includes(target.subject)), { timeout: 30_000 }).toBe(true);
  await expect(page.locator("[data-recent] [data-reason=no_host]").filter({ hasText: target.subject })).toBeVisible({ timeout: 10_000 });
  await expect(wall.locator("[data-wall-alert=no_host]").filter({ hasText: target.subject })).toHaveCount(0, { timeout: 15_000 });
  await wallContext.close();

  // Chinese, on a phone.
  const phone = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const zh = await phone.newPage();
  await zh.goto("/login?next=%2Falerts");
  await zh.getByLabel("用户名").fill("admin");
  await zh.getByLabel("密码").fill("admin-demo");
  await zh.getByRole("button", { name: "登录" }).click();
  await expect(zh.getByRole("heading", { level: 1, name: "告警" })).toBeVisible();
  await expect(zh.locator("[data-recent] [data-reason=no_host]").first()).toContainText("主持人不在会");
  const width = await zh.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await snap(zh, "alerts-phone-zh");
  await phone.close();

  // Cleaning up: no rule left watching in the background for the other tests.
  await page.locator("[data-rule]").getByRole("button", { name: /^Remove/ }).click();
  await expect(page.locator("[data-rule]")).toHaveCount(0);
  await channel.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.locator("[data-channel]")).toHaveCount(0);
});
