import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SIMULATOR_URL, snap } from "./helpers";

/**
 * Every page for everyone: both languages (from Accept-Language and from the picker), axe in both
 * themes and both languages, a phone's width, and the meeting page by keyboard alone.
 */

type Lang = "en" | "zh-CN";
const HEADINGS: Record<Lang, { ongoing: string; history: string; displays: string }> = {
  en: { ongoing: "Ongoing meetings", history: "Past meetings", displays: "Wall displays" },
  "zh-CN": { ongoing: "进行中的会议", history: "历史会议", displays: "大屏显示" },
};
const SIGN_IN: Record<Lang, { username: string; password: string; button: string }> = {
  en: { username: "Username", password: "Password", button: "Sign in" },
  "zh-CN": { username: "用户名", password: "密码", button: "登录" },
};

interface SimMeeting {
  conferenceID: string;
  participants: number;
  chairForAdmins: string;
}

async function newUser(browser: Browser, lang: Lang, colorScheme: "light" | "dark" = "light", viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: lang, colorScheme, viewport });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, lang: Lang): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(SIGN_IN[lang].username).fill("admin");
  await page.getByLabel(SIGN_IN[lang].password).fill("admin-demo");
  await page.getByRole("button", { name: SIGN_IN[lang].button }).click();
  await expect(page.getByRole("heading", { level: 1, name: HEADINGS[lang].ongoing })).toBeVisible();
}

/** The pages of the dashboard, with what shows each has finished loading. */
async function pages(page: Page): Promise<{ name: string; path: string; ready: string }[]> {
  const meetings = (await (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json()) as SimMeeting[];
  const live = meetings.find((m) => m.chairForAdmins === "clear" && m.participants >= 6 && m.participants <= 40)!;
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const history = (await (await page.request.get(`/api/history?from=${from}&q=${encodeURIComponent("全员大会")}`)).json()) as { items: { confUUID: string }[] };
  // The archive fills from the simulator's history when the server starts: its series appear within a minute.
  let series: { conferenceID: string }[] = [];
  await expect
    .poll(async () => (series = ((await (await page.request.get("/api/series")).json()) as { items: { conferenceID: string }[] }).items).length, { timeout: 90_000 })
    .toBeGreaterThan(0);
  return [
    { name: "meetings", path: "/", ready: "a[href^='/meetings/']:visible" },
    { name: "meeting", path: `/meetings/${live.conferenceID}`, ready: "[data-pid]" },
    { name: "history", path: "/history", ready: "a[href^='/history/']:visible" },
    { name: "attendance", path: `/history/${history.items[0]!.confUUID}`, ready: "[role=listitem]" },
    { name: "replay-past", path: `/history/${history.items[0]!.confUUID}/replay`, ready: "[data-completeness]" },
    { name: "replay-live", path: `/meetings/${live.conferenceID}/replay`, ready: "[data-completeness]" },
    { name: "series-list", path: "/series", ready: "a[href^='/series/']:visible" },
    { name: "series", path: `/series/${series[0]!.conferenceID}`, ready: "tbody tr" },
    { name: "people", path: "/people?q=alice", ready: "[data-person]" },
    { name: "departments", path: "/departments", ready: "tbody tr" },
    { name: "displays", path: "/admin/displays", ready: "form" },
    { name: "thresholds", path: "/admin/quality", ready: "[data-thresholds]" },
    { name: "alerts", path: "/alerts", ready: "form" },
    { name: "not-found", path: "/no-such-page", ready: "h1" },
    { name: "wall", path: "/wall", ready: "[data-wall-tile]" },
  ];
}

async function noRawKeys(page: Page, lang: Lang): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const text = await page.locator("body").innerText();
  expect(text, "a message key was shown instead of its text").not.toContain("⟦");
  if (lang === "zh-CN") expect(text).toMatch(/[\u4e00-\u9fff]/);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const lang of ["en", "zh-CN"] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`every page in ${lang}, ${theme} theme: no critical or serious axe violation, no raw key`, async ({ browser }) => {
      test.setTimeout(180_000);
      const { context, page } = await newUser(browser, lang, theme);
      await page.goto("/login");
      await noRawKeys(page, lang);
      expect(await seriousViolations(page), "login").toEqual([]);
      await signIn(page, lang);
      for (const p of await pages(page)) {
        await page.goto(p.path);
        await expect(page.locator(p.ready).first()).toBeVisible({ timeout: 15_000 });
        await noRawKeys(page, lang);
        expect(await seriousViolations(page), p.name).toEqual([]);
        if (theme === "light" || p.name === "meeting") await snap(page, `${lang}-${theme}-${p.name}`);
      }
      if (theme === "light") expect((await page.request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");
      // The wall's light theme comes from its URL.
      await page.goto("/wall?theme=light");
      await expect(page.locator("[data-wall-tile]").first()).toBeVisible({ timeout: 15_000 });
      expect(await seriousViolations(page), "wall light").toEqual([]);
      await context.close();
    });
  }
}

test("the language follows Accept-Language, then the picker, which is remembered", async ({ browser }) => {
  const { context, page } = await newUser(browser, "zh-CN");
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await signIn(page, "zh-CN");
  await expect(page.getByText(/个会议进行中/)).toBeVisible();
  await page.locator("[data-language-picker]").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Ongoing meetings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Ongoing meetings" })).toBeVisible();
  await page.locator("[data-language-picker]").selectOption("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "进行中的会议" })).toBeVisible();
  await expect(page).toHaveTitle(/进行中的会议 · 会议监控/);
  await context.close();
});

test("a wall takes its language from its URL, whatever the screen's browser says", async ({ browser }) => {
  const { context, page } = await newUser(browser, "en", "dark", { width: 1920, height: 1080 });
  await signIn(page, "en");
  await page.goto("/wall?lang=zh-CN");
  await expect(page.locator("[data-wall-tile]").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator('[data-wall-total="meetings"]').locator("..")).toContainText("会议");
  await snap(page, "zh-CN-wall-1080p");
  await context.close();
});

test("no page scrolls sideways on a 390 px phone, in either language", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const lang of ["en", "zh-CN"] as const) {
    const { context, page } = await newUser(browser, lang, "light", { width: 390, height: 844 });
    await page.goto("/login");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByLabel(SIGN_IN[lang].username).fill("admin");
    await page.getByLabel(SIGN_IN[lang].password).fill("admin-demo");
    await page.getByRole("button", { name: SIGN_IN[lang].button }).click();
    await expect(page.getByRole("heading", { level: 1, name: HEADINGS[lang].ongoing })).toBeVisible();
    for (const p of (await pages(page)).filter((x) => x.name !== "wall")) {
      await page.goto(p.path);
      await expect(page.locator(p.ready).first()).toBeVisible({ timeout: 15_000 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${lang} ${p.name} is ${width}px wide`).toBeLessThanOrEqual(390);
      await snap(page, `phone-${lang}-${p.name}`);
    }
    // Long names, Latin without a space and Chinese, wrap or truncate instead of widening the page.
    const meetings = (await (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json()) as SimMeeting[];
    const m = meetings.find((x) => x.chairForAdmins === "clear" && x.participants >= 3 && x.participants <= 20)!;
    for (const name of ["Maximilian-Alexander-Konstantin-Wolfeschlegelsteinhausenberger-Featherstonehaugh", "欧阳诸葛司马上官慕容东方皇甫尉迟公孙长孙宇文令狐"]) {
      await fetch(`${SIMULATOR_URL}/__sim/meetings/${m.conferenceID}/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
    }
    await page.goto(`/meetings/${m.conferenceID}`);
    await expect(page.locator("[data-pid]").filter({ hasText: "Featherstonehaugh" }).first()).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "long names").toBeLessThanOrEqual(390);
    await snap(page, `phone-${lang}-long-names`);
    // The header folds into a menu that opens and leads on.
    await page.goto("/");
    await expect(page.getByRole("link", { name: lang === "en" ? "History" : "历史" })).toBeHidden();
    await page.getByRole("button", { name: lang === "en" ? "Menu" : "菜单" }).click();
    await page.getByRole("link", { name: lang === "en" ? "History" : "历史" }).click();
    await expect(page.getByRole("heading", { level: 1, name: HEADINGS[lang].history })).toBeVisible();
    await context.close();
  }
});

test("the meeting page works by keyboard alone", async ({ browser }) => {
  const { context, page } = await newUser(browser, "en");
  await signIn(page, "en");
  const meetings = (await (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json()) as SimMeeting[];
  const m = meetings.find((x) => x.chairForAdmins === "clear" && x.participants >= 6 && x.participants <= 40)!;
  await page.goto(`/meetings/${m.conferenceID}`);
  await expect(page.locator("[data-pid]").first()).toBeVisible({ timeout: 15_000 });

  // Tab until a given control has focus; fails if it is never reached.
  const tabTo = async (matches: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      if (await matches()) return;
    }
    throw new Error(`${what} is not reachable by Tab`);
  };
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.textContent)) === "Muted", "the Muted filter");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Muted" })).toHaveAttribute("aria-pressed", "true");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline, "focus is visible").not.toBe("none");
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === "Find a participant", "participant search");
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).startsWith("Details of "), "a participant's details");
  await page.keyboard.press("PageDown");
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === "Filter invitees", "invitee filter");
  await tabTo(async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === "Invitees of this meeting", "the invitee table");
  await page.keyboard.press("End");
  await snap(page, "keyboard-meeting");
  await context.close();
});
