import { expect, test, type Page } from "@playwright/test";
import { signIn, SIMULATOR_URL, snap } from "./helpers";

interface SimMeeting {
  conferenceID: string;
  participants: number;
  chairForAdmins: string;
}

const sim = (path: string, method = "GET", body?: unknown) =>
  fetch(`${SIMULATOR_URL}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

async function people(id: string): Promise<{ pid: string; name: string; role: string; hand: boolean }[]> {
  return ((await (await sim(`/__sim/meetings/${id}`)).json()) as { participants: { pid: string; name: string; role: string; hand: boolean }[] }).participants;
}

const presentCount = (page: Page) => page.locator("[data-replay-people]").getAttribute("data-replay-people");

test("a meeting's replay: scrub, step, play, the shared link, in both languages", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const meetings = ((await (await sim("/__sim/meetings")).json()) as SimMeeting[]).filter((m) => m.chairForAdmins === "clear" && m.participants >= 6 && m.participants <= 20);
  const m = meetings.at(-4)!;
  await signIn(page);
  // Opening the meeting starts its watcher, and with it the meeting's log.
  await page.goto(`/meetings/${m.conferenceID}`);
  await expect(page.locator("[data-pid]").first()).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(1_500);
  const before = await people(m.conferenceID);
  const raiser = before.find((p) => p.role === "participant" && !p.hand)!;
  await sim(`/__sim/meetings/${m.conferenceID}/participants/${raiser.pid}`, "POST", { hand: true });
  await page.waitForTimeout(1_500);
  const handAt = new Date().toISOString();
  await page.waitForTimeout(1_500);
  const leaver = before.find((p) => p.role === "participant" && p.pid !== raiser.pid)!;
  await sim(`/__sim/meetings/${m.conferenceID}/participants/${leaver.pid}`, "DELETE");
  // The host locks the meeting; Huawei says who is speaking.
  await sim(`/__sim/meetings/${m.conferenceID}/host-control`, "POST", { operation: "Lock conference" });
  const speakers = ((await (await sim(`/__sim/meetings/${m.conferenceID}/speakers`, "POST")).json()) as { speakers: string[] }).speakers;
  expect(speakers.length).toBeGreaterThan(0);
  await page.waitForTimeout(2_000);

  await page.locator("[data-replay-link]").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Replay:/ })).toBeVisible();
  await expect(page.locator("[data-completeness]")).toHaveAttribute("data-completeness", "partial");
  // Now: the leaver gone, the hand up.
  await expect.poll(() => presentCount(page)).toBe(String(before.length - 1));
  await expect(page.locator(`[data-pid="${raiser.pid}"] [data-hand=up]`)).toBeVisible();
  await expect(page.locator("[data-locked]")).toHaveText("meeting locked");
  await expect(page.locator(`[data-pid="${speakers[0]}"]`)).toHaveAttribute("data-speaking", "");

  // Step back (who speaks is not a step): to the lock, to the leave (not yet locked), then over it to the hand going up, when they were there.
  await page.getByRole("button", { name: "◀ Previous change" }).click();
  await expect(page.locator("[data-locked]")).toBeVisible();
  await page.getByRole("button", { name: "◀ Previous change" }).click();
  await expect(page.locator("[data-locked]")).toHaveCount(0);
  await expect.poll(() => presentCount(page)).toBe(String(before.length - 1));
  await page.getByRole("button", { name: "◀ Previous change" }).click();
  await expect.poll(() => presentCount(page)).toBe(String(before.length));
  await expect(page.locator(`[data-pid="${raiser.pid}"] [data-hand=up]`)).toBeVisible();
  // The moment is in the URL: a link to it shows the same.
  await expect(page).toHaveURL(/at=/);
  const shared = page.url();

  // The shared link to the moment the hand was up, in Chinese.
  const zhContext = await browser.newContext({ locale: "zh-CN" });
  const zh = await zhContext.newPage();
  await zh.goto("/login");
  await zh.getByLabel("用户名").fill("admin");
  await zh.getByLabel("密码").fill("admin-demo");
  await zh.getByRole("button", { name: "登录" }).click();
  await expect(zh.getByRole("heading", { level: 1, name: "进行中的会议" })).toBeVisible();
  await zh.goto(`/meetings/${m.conferenceID}/replay?at=${encodeURIComponent(handAt)}`);
  await expect(zh.getByRole("heading", { level: 1, name: /^回放：/ })).toBeVisible();
  await expect(zh.locator(`[data-pid="${raiser.pid}"] [data-hand=up]`)).toContainText("已举");
  await expect(zh.locator(`[data-pid="${leaver.pid}"]`)).toBeVisible();
  await snap(zh, "replay-zh");
  await zh.goto(shared.replace(/^https?:\/\/[^/]+/, ""));
  await expect.poll(() => presentCount(zh)).toBe(String(before.length));
  await zhContext.close();

  // Back to the start, then play at 60×: the moment moves on by itself.
  await page.locator("[data-replay-slider]").focus();
  await page.keyboard.press("Home");
  const start = await page.locator("[data-replay-at]").getAttribute("data-replay-at");
  await page.getByRole("button", { name: "Play 60×" }).click();
  await expect.poll(async () => Date.parse((await page.locator("[data-replay-at]").getAttribute("data-replay-at"))!) - Date.parse(start!), { timeout: 10_000 }).toBeGreaterThan(30_000);
  await page.getByRole("button", { name: "Pause" }).click();
  // Only hands: the raised hand is in the log; who spoke has its own filter.
  await page.getByRole("button", { name: "hands", exact: true }).click();
  await expect(page.locator("[data-replay-log]")).toContainText(`${raiser.name} raised a hand`);
  await page.getByRole("button", { name: "who spoke" }).click();
  await expect(page.locator("[data-replay-log]")).toContainText("started speaking");
  await snap(page, "replay-en");

  // On a phone the people fit the screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "all changes" }).click();
  await page.locator("[data-replay-slider]").focus();
  await page.keyboard.press("End");
  await expect(page.locator(`[data-pid="${raiser.pid}"]`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await snap(page, "replay-phone");
});

test("a past meeting nobody watched replays from Huawei's records: presence, and the host's mutes and lock, with who did them", async ({ page }) => {
  const history = (await (await sim("/__sim/history")).json()) as { confUUID: string; controls: { operateTime: number; operateCode: string; operator: string }[] }[];
  const taken = history.find((h) => h.controls.some((c) => c.operateCode === "Lock conference") && h.controls.some((c) => c.operateCode === "Mute all"))!;
  expect(taken).toBeDefined();
  const lock = taken.controls.find((c) => c.operateCode === "Lock conference")!;
  await signIn(page);
  await page.goto(`/history/${taken.confUUID}/replay?at=${encodeURIComponent(new Date(lock.operateTime + 1_000).toISOString())}`);
  await expect(page.locator("[data-completeness]")).toHaveAttribute("data-completeness", "records", { timeout: 30_000 });
  await expect(page.locator("[data-locked]")).toBeVisible();
  await page.getByRole("button", { name: "mutes" }).click();
  await expect(page.locator("[data-replay-log]")).toContainText(`(by ${lock.operator})`);
  await snap(page, "replay-records");
});

test("a 1,000-person meeting with an hour of changes scrubs without a long task over 50 ms", async ({ page }) => {
  test.setTimeout(120_000);
  const all = (await (await sim("/__sim/meetings")).json()) as SimMeeting[];
  const big = all.sort((a, b) => b.participants - a.participants)[0]!;
  // An hour of a thousand people's changes, written into the dashboard's store as its recorder writes them.
  await writeHourOfChanges(big.conferenceID);
  await signIn(page);
  await page.goto(`/meetings/${big.conferenceID}/replay`);
  await expect(page.locator("[data-replay-people]")).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
  });
  const slider = page.locator("[data-replay-slider]");
  await slider.focus();
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 10 === 0 ? "PageDown" : "ArrowLeft");
    seen.add((await page.locator("[data-replay-at]").getAttribute("data-replay-at"))!);
  }
  expect(seen.size).toBeGreaterThan(30);
  expect(Number(await page.locator("[data-replay-people]").getAttribute("data-replay-people"))).toBeGreaterThan(500);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({ type: "long tasks while scrubbing (ms)", description: longTasks.map(Math.round).join(", ") || "none" });
  expect(longTasks.filter((d) => d > 50), `long tasks: ${longTasks.join(", ")}`).toEqual([]);
});

/** Everyone of a meeting present from an hour ago (or its start) with their flags, then 30 changes each over the hour, and who speaks. */
async function writeHourOfChanges(conferenceID: string): Promise<void> {
  const { Store } = await import("../lib/store/store");
  const { MeetingEventsTable } = await import("../lib/store/meeting-events-table");
  const store = await Store.fromEnv({}, process.env.E2E_DATA_DIR!);
  try {
    const detail = (await (await sim(`/__sim/meetings/${conferenceID}`)).json()) as { participants: { pid: string; name: string }[] };
    const now = Date.now();
    const start = now - 3_600_000;
    const rows: { conferenceId: string; at: number; seenAt: number; pid: string; name: string; field: string; value: string; initial: number }[] = [];
    const row = (at: number, pid: string, name: string, field: string, value: unknown, initial = 0) => rows.push({ conferenceId: conferenceID, at, seenAt: at + 30, pid, name, field, value: JSON.stringify(value), initial });
    for (const p of detail.participants) for (const [field, value] of [["present", true], ["muted", true], ["handRaised", false], ["camera", false], ["sharing", false], ["role", "participant"]] as const) row(start, p.pid, p.name, field, value, 1);
    const muted = new Map(detail.participants.map((p) => [p.pid, true]));
    const changes = detail.participants.length * 30;
    for (let i = 0; i < changes; i++) {
      const p = detail.participants[(i * 7919) % detail.participants.length]!;
      const at = start + Math.floor((i / changes) * 3_590_000);
      if (i % 3 === 0) row(at, p.pid, p.name, "handRaised", i % 2 === 0);
      else {
        muted.set(p.pid, !muted.get(p.pid));
        row(at, p.pid, p.name, "muted", muted.get(p.pid));
      }
    }
    // The floor passes to another speaker every 2 seconds.
    for (let at = start, i = 0; at < now - 10_000; at += 2_000, i++) {
      const from = detail.participants[(i * 31) % detail.participants.length]!;
      const to = detail.participants[((i + 1) * 31) % detail.participants.length]!;
      row(at, from.pid, from.name, "speaking", false);
      row(at, to.pid, to.name, "speaking", true);
    }
    await new MeetingEventsTable(store).append(rows, [{ spanId: `e2e-${conferenceID}`, conferenceId: conferenceID, fromAt: start, toAt: now }]);
  } finally {
    await store.close();
  }
}
