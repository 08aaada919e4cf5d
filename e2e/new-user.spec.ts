import { expect, test } from "@playwright/test";
import { SIMULATOR_URL, signIn, snap } from "./helpers";

// Issue 17, "wrong or lost": each test failed on the code before its fix.

interface SimMeeting {
  conferenceID: string;
  participants: number;
  chairForAdmins: string;
}
interface SimParticipant {
  pid: string;
  name: string;
  number: string;
  account: string | null;
  role: string;
  hand: boolean;
}

const sim = async <T>(path: string, init?: RequestInit): Promise<T> => (await (await fetch(`${SIMULATOR_URL}${path}`, init)).json()) as T;

test.describe("in Shanghai before 08:00", () => {
  test.use({ timezoneId: "Asia/Shanghai" });

  test("history's default range is the viewer's last 7 days, today included, with its quick range pressed", async ({ page }) => {
    // 06:07 on 3 December in Shanghai is still 2 December in UTC.
    await page.clock.setFixedTime(new Date("2026-12-02T22:07:00Z"));
    await signIn(page);
    await page.goto("/history");
    await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-12-03");
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-11-27");
    await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "Today" }).click();
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-12-03");
    await expect(page.getByRole("button", { name: "Today" })).toHaveAttribute("aria-pressed", "true");
  });
});

test("a signed-out deep link comes back to its page, path and query, after sign-in", async ({ page }) => {
  const meeting = (await sim<SimMeeting[]>("/__sim/meetings")).find((m) => m.chairForAdmins === "clear" && m.participants >= 3)!;
  await page.goto(`/meetings/${meeting.conferenceID}?psort=name`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("admin-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meeting.conferenceID}\\?psort=name$`));

  // Off the open page first: its own calls would find the session gone and go to sign in themselves.
  await page.goto("about:blank");
  await page.context().clearCookies();
  await page.goto("/wall?rotate=30s&only=attention");
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("admin-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/wall\?rotate=30s&only=attention$/);

  // Only this site: another origin in `next` goes home.
  await page.goto("about:blank");
  await page.context().clearCookies();
  await page.goto("/login?next=//evil.example/x");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("admin-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Ongoing meetings" })).toBeVisible();
});

test("history keeps its range, search and page on reload and on Back", async ({ page }) => {
  await signIn(page);
  await page.goto("/history");
  await page.getByRole("button", { name: "30 days" }).click();
  await page.getByLabel("Search past meetings").fill("全员大会");
  await expect(page).toHaveURL(/q=%E5%85%A8%E5%91%98%E5%A4%A7%E4%BC%9A|q=全员大会/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Search past meetings")).toHaveValue("全员大会");
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/history\/[0-9a-f]{32}/);
  await page.goBack();
  await expect(page.getByLabel("Search past meetings")).toHaveValue("全员大会");
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");
});

test("an ended meeting's link says it ended and leads to its attendance", async ({ page }) => {
  const meeting = (await sim<SimMeeting[]>("/__sim/meetings")).find((m) => m.chairForAdmins === "clear" && m.participants >= 3)!;
  await fetch(`${SIMULATOR_URL}/__sim/meetings/${meeting.conferenceID}/end`, { method: "POST" });
  await signIn(page);
  await page.goto(`/meetings/${meeting.conferenceID}`);
  const over = page.locator("[data-meeting-over]");
  await expect(over).toContainText("has ended");
  await expect(over).not.toContainText("No such meeting");
  await snap(page, "meeting-ended-link");
  await over.getByRole("link", { name: "See who attended" }).click();
  await expect(page).toHaveURL(/\/history\/[0-9a-f]{32}/);
  await expect(page.locator("[role=listitem]").first()).toBeVisible();
});

test("opening a meeting announces nothing already true; a hand raised after it is announced", async ({ page }) => {
  const meetings = (await sim<SimMeeting[]>("/__sim/meetings")).filter((m) => m.chairForAdmins === "clear" && m.participants >= 4 && m.participants <= 60);
  const meeting = meetings[meetings.length - 1]!;
  const people = (await sim<{ participants: SimParticipant[] }>(`/__sim/meetings/${meeting.conferenceID}`)).participants.filter((p) => p.role === "participant");
  // Two hands up before anyone looks.
  for (const p of people.slice(0, 2)) {
    await fetch(`${SIMULATOR_URL}/__sim/meetings/${meeting.conferenceID}/participants/${p.pid}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hand: true }) });
  }
  await signIn(page);
  await page.goto(`/meetings/${meeting.conferenceID}`);
  await expect(page.locator("[data-upstream]")).toHaveAttribute("data-upstream", "live", { timeout: 15_000 });
  await expect(page.locator(`[data-pid="${people[0]!.pid}"]`)).toHaveAttribute("data-hand", "true");
  await page.waitForTimeout(1_000);
  await expect(page.locator("[data-announcer]")).toHaveText("");
  const later = people[2]!;
  await fetch(`${SIMULATOR_URL}/__sim/meetings/${meeting.conferenceID}/participants/${later.pid}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hand: true }) });
  await expect(page.locator("[data-announcer]")).toContainText(later.name);
  await expect(page.locator("[data-announcer]")).not.toContainText(people[0]!.name);
});

// Issue 17, "noise", "finding and reading": each test failed on the code before its fix.

const NEEDS_SOMEONE = /no_host|hand_waiting|overrun|headcount_drop|poor_quality/;

test("'needs attention' is one figure on the admin list and the wall, and a meeting without live data is not counted in it", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallContext.newPage();
  await signIn(wall);
  await wall.goto("/wall");
  await expect(wall.locator("[data-wall-tile]").first()).toBeVisible({ timeout: 15_000 });
  // The simulator withholds some host passwords: those meetings have no live data, which is said, not counted.
  await expect(wall.locator('[data-wall-total="no live data"]')).not.toHaveText("0", { timeout: 15_000 });
  const figures = async () => {
    const reasons = await wall.locator("[data-wall-tile]").evaluateAll((els) => els.map((e) => e.getAttribute("data-attention") ?? ""));
    const needing = reasons.filter((r) => NEEDS_SOMEONE.test(r)).length;
    const total = Number(await wall.locator('[data-wall-total="need attention"]').textContent());
    const button = (await page.getByRole("button", { name: /^Needs attention/ }).textContent()) ?? "";
    return { needing, total, list: Number(/\((\d+)\)/.exec(button)?.[1]) };
  };
  await expect.poll(async () => {
    const f = await figures();
    return f.needing === f.total && f.list === f.total;
  }, { timeout: 15_000 }).toBe(true);
  await wallContext.close();
});

test("the live page puts its participants first: rows on the first screen at a desk and on a phone, one scroll, the first row within a second when warm", async ({ page }) => {
  const meetings = (await sim<SimMeeting[]>("/__sim/meetings")).filter((m) => m.chairForAdmins === "clear").sort((a, b) => b.participants - a.participants);
  const big = meetings[0]!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.goto(`/meetings/${big.conferenceID}`);
  await expect(page.locator("[data-pid]").first()).toBeVisible({ timeout: 15_000 });
  const onFirstScreen = async (height: number) => page.locator("[data-pid]").evaluateAll((rows, h) => rows.filter((r) => r.getBoundingClientRect().bottom <= h).length, height);
  expect(await onFirstScreen(900)).toBeGreaterThanOrEqual(Math.min(10, big.participants));
  // One scroll: nothing inside the page scrolls up and down on its own.
  const nested = await page.evaluate(() =>
    [...document.querySelectorAll("main *")].filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(nested).toEqual([]);
  await snap(page, "live-page-desk");

  // Warm: the meeting page again, timed from navigation to its first participant.
  await page.goto("/");
  const started = Date.now();
  await page.goto(`/meetings/${big.conferenceID}`);
  await page.locator("[data-pid]").first().waitFor();
  const firstRowMs = Date.now() - started;
  console.log(`first participant of a ${big.participants}-person meeting, warm: ${firstRowMs} ms`);
  // A bound for gross regressions: 0.4 to 0.6 s on a quiet machine, 1.1 to 1.4 s inside the e2e run on an
  // earlier one, 2.0 to 2.5 s on a slower one of the same kind (the same code as it was measured at 1.1 s).
  expect(firstRowMs).toBeLessThan(3_500);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator("[data-pid]").first()).toBeVisible({ timeout: 15_000 });
  expect(await onFirstScreen(844)).toBeGreaterThanOrEqual(1);
  await snap(page, "live-page-phone");
});

test("a helpdesk finds which meeting a person is in, and downloads a meeting's participants", async ({ page }) => {
  const meeting = (await sim<SimMeeting[]>("/__sim/meetings")).find((m) => m.chairForAdmins === "clear" && m.participants >= 3 && m.participants <= 40)!;
  const person = (await sim<{ participants: SimParticipant[] }>(`/__sim/meetings/${meeting.conferenceID}`)).participants.find((p) => p.role === "participant")!;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await page.getByRole("searchbox", { name: /Find a person in a meeting/ }).fill(person.name);
  // Names repeat (the simulator invites namesakes): the hit with this person's account or number.
  const found = page.locator(`[data-find-person] [data-found="${meeting.conferenceID}"]`).filter({ hasText: person.name }).filter({ has: page.getByText(person.account ?? person.number, { exact: true }) });
  await expect(found).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(/who=/);
  await snap(page, "find-person");
  await found.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meeting.conferenceID}`));
  await expect(page.locator(`[data-pid="${person.pid}"]`)).toBeVisible({ timeout: 15_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = (await (await download.createReadStream()).toArray()).join("");
  expect(csv).toContain(person.name);
  expect(csv.split("\r\n")[0]).toContain("Muted");
});

test("the smaller ones: a searchable zone list with offsets, common zones first; a lockout that says until when; one <main> on a dashboard 404", async ({ page, browser }) => {
  await signIn(page);
  const zones = page.locator("#time-zones option");
  expect(await zones.first().getAttribute("value")).toBe("Asia/Shanghai");
  expect(await page.locator('#time-zones option[value="Asia/Shanghai"]').getAttribute("label")).toMatch(/^UTC\+08:00 · /);
  expect(await zones.count()).toBeGreaterThan(300);
  await page.getByLabel("Time zone").fill("Asia/Tokyo");
  await page.goto("/history");
  await expect(page.getByText(/\(Asia\/Tokyo\)/)).toBeVisible({ timeout: 30_000 });

  // "28 of 30" beside "did not come (3)" says that one came uninvited.
  const past = ((await (await page.request.get("/api/history?limit=100")).json()) as { items: { confUUID: string }[] }).items;
  let uninvited: { confUUID: string; count: number } | undefined;
  for (const { confUUID } of past.slice(0, 40)) {
    const a = (await (await page.request.get(`/api/history/${confUUID}/attendance`)).json()) as { summary: { people: number }; invited: number; absent: unknown[] };
    const count = a.summary.people - (a.invited - a.absent.length);
    if (a.invited > 0 && count > 0) {
      uninvited = { confUUID, count };
      break;
    }
  }
  expect(uninvited, "a past meeting someone attended uninvited").toBeDefined();
  await page.goto(`/history/${uninvited!.confUUID}`);
  await expect(page.getByText(`${uninvited!.count} came uninvited`)).toBeVisible();

  const stranger = await browser.newContext();
  const login = await stranger.newPage();
  await login.goto("/login");
  for (let i = 0; i < 11; i++) {
    await login.getByLabel("Username").fill("nobody-here");
    await login.getByLabel("Password").fill(`wrong-${i}`);
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(login.getByText(/locked until \d{1,2}:\d{2}/)).toBeVisible();
  await stranger.close();

  const host = await browser.newContext();
  const hostPage = await host.newPage();
  await hostPage.goto("/login");
  await hostPage.getByLabel("Username").fill("alice");
  await hostPage.getByLabel("Password").fill("alice-demo");
  await hostPage.getByRole("button", { name: "Sign in" }).click();
  await expect(hostPage.getByRole("heading", { name: "Ongoing meetings" })).toBeVisible();
  await hostPage.goto("/admin/displays");
  await expect(hostPage.getByRole("heading", { name: /not found|Page not found/i })).toBeVisible();
  await expect(hostPage.locator("main")).toHaveCount(1);
  await host.close();
});
