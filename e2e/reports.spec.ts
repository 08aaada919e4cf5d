import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signIn, snap } from "./helpers";

const WORDS = {
  en: { series: "Series", course: /Data engineering course/, csv: "Download CSV", excel: "Download Excel", atLeast75: "at least 75%", people: "People", search: "Name, number or account", header: /^Name,Number,Account,Attended,Of/ },
  "zh-CN": { series: "系列会议", course: /Data engineering course/, csv: "下载 CSV", excel: "下载 Excel", atLeast75: "至少 75%", people: "人员", search: "姓名、号码或账号", header: /^姓名,号码,账号,出席次数,总次数/ },
} as const;

async function inLanguage(page: Page, lang: keyof typeof WORDS): Promise<void> {
  await page.context().addCookies([{ name: "mm-locale", value: lang, url: page.url() }]);
}

/** The archive fills from Huawei's history as the server starts: the course's series is there within a minute. */
async function seriesReady(page: Page): Promise<void> {
  await expect
    .poll(async () => ((await (await page.request.get("/api/series")).json()) as { items: { subject: string }[] }).items.map((s) => s.subject).join("|"), { timeout: 90_000 })
    .toContain("Data engineering course");
}

for (const lang of ["en", "zh-CN"] as const) {
  const w = WORDS[lang];

  test(`a series page in ${lang}: each person across the occurrences, the 75% filter in the URL, both downloads open`, async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page);
    await seriesReady(page);
    await inLanguage(page, lang);
    await page.goto("/series");
    await expect(page.getByRole("heading", { level: 1, name: w.series })).toBeVisible();
    await page.getByRole("link", { name: w.course }).locator("visible=true").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.course);
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const people = await rows.count();
    await snap(page, `series-${lang}`);

    await page.getByRole("button", { name: w.atLeast75 }).click();
    await expect(page).toHaveURL(/minShare=75/);
    await page.reload();
    await expect(page.getByRole("button", { name: w.atLeast75 })).toHaveAttribute("aria-pressed", "true");

    const csv = page.waitForEvent("download");
    await page.getByRole("link", { name: w.csv }).click();
    const text = await readFile(await (await csv).path(), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toMatch(w.header);
    expect(lines).toHaveLength(people + 1);

    const xlsx = page.waitForEvent("download");
    await page.getByRole("link", { name: w.excel }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await (await xlsx).path());
    expect(book.worksheets).toHaveLength(2);
    expect(book.worksheets[0]!.actualRowCount).toBeGreaterThan(people);
  });

  test(`a person's page in ${lang}: found by name, their meetings listed, each a link to its attendance`, async ({ page }) => {
    test.setTimeout(150_000);
    await signIn(page);
    await seriesReady(page);
    await inLanguage(page, lang);
    await page.goto("/people");
    await expect(page.getByRole("heading", { level: 1, name: w.people })).toBeVisible();
    await page.getByLabel(w.search).fill("Alice Chen");
    await expect(page).toHaveURL(/q=Alice\+Chen|q=Alice%20Chen/);
    const person = page.locator("[data-person]").filter({ hasText: "alice.chen" });
    await expect(person).toBeVisible();
    const meetings = person.locator("tbody tr");
    expect(await meetings.count()).toBeGreaterThan(3);
    await snap(page, `person-${lang}`);
    await page.reload();
    await expect(page.getByLabel(w.search)).toHaveValue("Alice Chen");
    await meetings.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/history\/[0-9a-f]{32}/);
    await expect(page.locator("[role=listitem]").first()).toBeVisible();
  });
}
