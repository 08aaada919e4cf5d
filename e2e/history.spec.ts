import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

test("an admin picks a range, opens a past meeting, and downloads its attendance", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Past meetings" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await snap(page, "history");

  await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
  // How many attended fills in beside how many were invited; sorting by it puts the town hall first.
  await expect(rows.first().locator("[data-attended]")).toHaveText(/^\d[\d,]*$/);
  await page.locator('[data-sort-column="attended"]').click();
  await expect(page).toHaveURL(/sort=attended/);
  await expect(rows.first()).toContainText("全员大会");
  await snap(page, "history-by-attended");
  await page.locator('[data-sort-column="start"]').click();
  await page.getByRole("button", { name: "30 days" }).click();
  await expect(page.getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");

  await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "false");
  await page.getByLabel("Search past meetings").fill("全员大会");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Company town hall 全员大会");
  await expect(page.getByText("Peak at once")).toBeVisible();
  await expect(page.getByText(/join records/)).toBeVisible();
  await expect(page.getByRole("img", { name: /people present/ })).toBeVisible();
  const people = Number(/\d+/.exec((await page.getByText("People", { exact: true }).locator("..").locator("div").nth(1).textContent())!.replace(/,/g, ""))![0]);
  expect(people).toBeGreaterThan(800);
  await snap(page, "attendance");

  // Sorted by a column header, the sort kept in the URL; who was invited and did not come is listed.
  await page.locator('[data-sort-column="attended"]').click();
  await expect(page).toHaveURL(/sort=attended/);
  await expect(page).toHaveURL(/dir=desc/);
  const shares = async () => (await page.getByRole("list", { name: "Attendance by person" }).getByRole("listitem").allInnerTexts()).slice(0, 5).map((t) => Number(/(\d+)%/.exec(t)![1]));
  await expect.poll(async () => { const s = await shares(); return s.every((n, i) => i === 0 || s[i - 1]! >= n); }).toBe(true);
  await page.getByText(/Invited, did not come \(\d+\)/).click();
  await expect(page.locator("[data-absent] li").first()).toBeVisible();
  await snap(page, "attendance-sorted-absent");
  await page.locator('[data-sort-column="joined"]').click();

  await page.getByRole("button", { name: /Late joiners/ }).click();
  await expect(page.getByRole("list", { name: "Attendance by person" }).getByText("late").first()).toBeVisible();
  const firstRow = page.getByRole("list", { name: "Attendance by person" }).getByRole("button").first();
  await firstRow.click();
  await expect(page.getByText(/Call number/).first()).toBeVisible();
  await snap(page, "attendance-late-expanded");
  await page.getByRole("button", { name: "Everyone" }).click();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const text = await readFile(file, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines[0]).toMatch(/^Name,Call number,Department,First joined \(.+\),Last left \(.+\),Minutes attended/);
  expect(lines).toHaveLength(people + 1);
  for (const line of lines.slice(1, 20)) expect(line).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}/);
});

test("a reversed range is impossible to pick and times follow the chosen zone", async ({ page }) => {
  await signIn(page);
  await page.getByLabel("Time zone").fill("Asia/Shanghai");
  await page.goto("/history");
  await expect(page.getByText(/\(Asia\/Shanghai\)/)).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveAttribute("max", await page.getByLabel("To", { exact: true }).inputValue());
});
