import { expect, test } from "@playwright/test";
import { SIMULATOR_URL, signIn, snap } from "./helpers";

// Issue 19: meeting health beside the live state.

interface SimMeeting {
  conferenceID: string;
  participants: number;
  chairForAdmins: string;
  /** COMMON: an MCU meeting, whose push socket carries NetConditionNotify. */
  confMode: "COMMON" | "RTC";
}

const watchable = async (confMode: SimMeeting["confMode"]) =>
  ((await (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json()) as SimMeeting[]).find((m) => m.chairForAdmins === "clear" && m.confMode === confMode && m.participants >= 4 && m.participants <= 30)!;
const someone = async (id: string) => ((await (await fetch(`${SIMULATOR_URL}/__sim/meetings/${id}`)).json()) as { participants: { pid: string; role: string }[] }).participants.find((p) => p.role === "participant")!;

const network = (id: string, pid: string, level: "bad" | null) =>
  fetch(`${SIMULATOR_URL}/__sim/meetings/${id}/participants/${pid}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ network: level }) });

test("the list shows each meeting's health; a person turning bad is marked in the grid within a poll; an admin sees their connection charted", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await expect(page.getByRole("columnheader", { name: /Health/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("tbody [data-health]").first()).toBeVisible();
  await page.getByRole("button", { name: /^Quality alarms/ }).click();
  await expect(page).toHaveURL(/show=quality/);
  for (const cell of await page.locator("tbody [data-health]").all()) await expect(cell).toHaveAttribute("data-health", "alarm");
  await snap(page, "quality-list");

  // Not an MCU meeting: its people's connections are polled.
  const meeting = await watchable("RTC");
  const person = await someone(meeting.conferenceID);
  await page.goto(`/meetings/${meeting.conferenceID}`);
  await expect(page.locator("[data-upstream]")).toHaveAttribute("data-upstream", "live", { timeout: 15_000 });
  await network(meeting.conferenceID, person.pid, "bad");
  try {
    const row = page.locator(`[data-pid="${person.pid}"]`);
    await expect(row.locator('[data-quality="bad"]')).toBeVisible({ timeout: 10_000 });
    await page.getByRole("button", { name: /^Poor connection/ }).click();
    await expect(row).toBeVisible();
    await row.getByRole("button", { name: /^Details of / }).click();
    const panel = page.locator(`[data-participant-details="${person.pid}"]`);
    await expect(panel.locator("[data-person-state]")).toContainText("bad connection");
    await expect(panel.locator("[data-quality-series]")).toContainText("Latency (ms)", { timeout: 15_000 });
    await expect(panel.locator("[data-quality-series] svg").first()).toBeVisible();
    await snap(page, "quality-details");
  } finally {
    await network(meeting.conferenceID, person.pid, null);
  }
});

test("in Chinese, a person turning bad in an MCU meeting is marked within a second, pushed", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("admin-demo");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "进行中的会议" })).toBeVisible();
    const meeting = await watchable("COMMON");
    const person = await someone(meeting.conferenceID);
    await page.goto(`/meetings/${meeting.conferenceID}`);
    await expect(page.locator("[data-upstream]")).toHaveAttribute("data-upstream", "live", { timeout: 15_000 });
    const row = page.locator(`[data-pid="${person.pid}"]`);
    await expect(row).toBeVisible();
    await network(meeting.conferenceID, person.pid, "bad");
    try {
      // Well inside the snapshot poll (2 s here): only the push can bring it this fast.
      await expect(row.locator('[data-quality="bad"]')).toBeVisible({ timeout: 1_000 });
      await expect(row).toContainText("很差");
      await snap(page, "quality-pushed-zh");
    } finally {
      await network(meeting.conferenceID, person.pid, null);
    }
  } finally {
    await context.close();
  }
});

test("an admin reads the quality thresholds beside Huawei's defaults and sets one", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.getByRole("link", { name: "Quality" }).click();
  await expect(page.getByRole("heading", { name: "Quality thresholds" })).toBeVisible();
  const video = page.locator('[data-thresholds="VIDEO"]');
  const latency = video.getByLabel("Video, Latency (ms), Sending");
  await expect(latency).toHaveValue(/\d+/);
  await expect(video).toContainText("default 800");
  await latency.fill("750");
  await video.getByRole("button", { name: "Save" }).click();
  await expect(video.locator("[data-saved]")).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-thresholds="VIDEO"]').getByLabel("Video, Latency (ms), Sending")).toHaveValue("750");
  await snap(page, "quality-thresholds");
});
