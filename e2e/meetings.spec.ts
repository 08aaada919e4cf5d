import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn, SIMULATOR_URL, snap } from "./helpers";

test("the sign-in page explains simulator mode and rejects a wrong password", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Simulated data")).toBeVisible();
  await expect(page.getByText("admin / admin-demo")).toBeVisible();
  await snap(page, "login");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong username or password.");
});

test("an admin signs in, sees ongoing meetings, searches and opens one", async ({ page }) => {
  await signIn(page);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(page.getByText(/meetings in progress/)).toBeVisible();
  await expect(page.locator("[data-stale]").first()).toContainText(/Updated/);
  await snap(page, "meetings");
  // More present than invited says that people joined uninvited, and how many.
  let uninvited = 0;
  for (const row of await rows.all()) {
    const cell = await row.locator("[data-present]").innerText();
    const present = Number(cell.split("\n")[0]!.replace(/,/g, ""));
    const invited = Number((await row.locator("[data-invited]").innerText()).replace(/,/g, ""));
    if (present > invited) {
      expect(cell).toContain(`${present - invited} joined uninvited`);
      uninvited += 1;
    }
  }
  expect(uninvited, "the simulator has meetings with uninvited guests").toBeGreaterThan(0);

  await page.getByLabel("Search subject, host or meeting ID").fill("Alice Chen");
  await expect(rows.first().getByRole("cell").nth(2)).toHaveText("Alice Chen");
  for (const host of await rows.locator("td:nth-child(3)").allTextContents()) expect(host).toBe("Alice Chen");
  await snap(page, "meetings-search");

  const first = rows.first().getByRole("link");
  const subject = await first.textContent();
  await first.click();
  await expect(page).toHaveURL(/\/meetings\/\d+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject!);
  await expect(page).toHaveTitle(`${subject} · Meeting Monitor`);
  await expect(page.getByRole("heading", { name: /Invitees/ })).toBeVisible();
  // The facts are folded to one line until opened.
  await page.locator("[data-meeting-facts] summary").click();
  await expect(page.getByText("Meeting ID")).toBeVisible();
  await snap(page, "meeting-detail");
});

test("a search that matches nothing says so", async ({ page }) => {
  await signIn(page);
  await page.getByLabel("Search subject, host or meeting ID").fill("no meeting is called this");
  await expect(page.getByText("No ongoing meeting matches")).toBeVisible();
});

test("a host sees only their own meetings", async ({ page }) => {
  await signIn(page, "alice", "alice-demo");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const total = Number((await page.getByText(/meetings? in progress/).textContent())!.split(" ")[0]);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(24);
  await snap(page, "meetings-host");
  // The host's own meetings, and those they are only invited to.
  await page.getByRole("button", { name: /^I host/ }).click();
  await expect(page).toHaveURL(/show=hosting/);
  await expect(rows.first()).toBeVisible();
  for (const host of await rows.locator("td:nth-child(3)").allTextContents()) expect(host).toBe("Alice Chen");
  await page.getByRole("button", { name: /^I'm invited to/ }).click();
  await expect(page).toHaveURL(/show=invited/);
  await expect(rows.first()).toBeVisible();
  for (const host of await rows.locator("td:nth-child(3)").allTextContents()) expect(host).not.toBe("Alice Chen");
  await snap(page, "meetings-host-invited");
});

test("dark theme renders", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await snap(page, "meetings-dark");
});

test("the list sorts by a column header, with the sort and filter in the URL, kept over a reload", async ({ page }) => {
  await signIn(page);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await page.locator('[data-sort-column="present"]').click();
  await expect(page).toHaveURL(/sort=present&dir=desc|dir=desc&sort=present/);
  const counts = async () => (await rows.locator("[data-present]").allInnerTexts()).map((t) => Number(t.split("\n")[0]!.replace(/,/g, "")));
  await expect.poll(async () => { const c = await counts(); return c.every((n, i) => i === 0 || c[i - 1]! >= n); }).toBe(true);
  const biggest = (await counts())[0]!;
  await expect(page.getByRole("columnheader", { name: /Present/ })).toHaveAttribute("aria-sort", "descending");
  await page.locator('[data-sort-column="present"]').click();
  await expect(page).not.toHaveURL(/dir=desc/);
  await expect(page).toHaveURL(/sort=present/);
  await page.getByRole("button", { name: /^Large/ }).click();
  await expect(page).toHaveURL(/show=large/);
  await page.reload();
  await expect(page.getByRole("button", { name: /^Large/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("columnheader", { name: /Present/ })).toHaveAttribute("aria-sort", "ascending");
  for (const n of await counts()) expect(n).toBeGreaterThanOrEqual(100);
  expect(Math.max(...(await counts()))).toBe(biggest);
  await snap(page, "meetings-sorted-large");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const text = await readFile(await (await download).path(), "utf8");
  const lines = text.slice(1).trim().split("\r\n");
  expect(lines).toHaveLength((await counts()).length + 1);
  expect(lines.slice(1).map((l) => Number(l.split(",").at(-5)))).toEqual(await counts());
});

test("an admin's list counts hands up and filters to the meetings needing attention, with their reasons, and exports them", async ({ page }) => {
  // A meeting whose host and co-hosts leave needs someone (a meeting without live data is said, not counted).
  const meetings = (await (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json()) as { conferenceID: string; participants: number; chairForAdmins: string }[];
  const target = meetings.filter((m) => m.chairForAdmins === "clear" && m.participants >= 3 && m.participants <= 15).at(-1)!;
  const people = ((await (await fetch(`${SIMULATOR_URL}/__sim/meetings/${target.conferenceID}`)).json()) as { participants: { pid: string; role: string }[] }).participants;
  for (const p of people.filter((x) => x.role !== "participant")) {
    await fetch(`${SIMULATOR_URL}/__sim/meetings/${target.conferenceID}/participants/${p.pid}`, { method: p.role === "host" ? "DELETE" : "POST", headers: { "content-type": "application/json" }, body: p.role === "host" ? undefined : JSON.stringify({ role: "participant" }) });
  }
  await signIn(page);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(page.locator("[data-totals]")).toContainText(/hands? up/, { timeout: 15_000 });
  const button = page.getByRole("button", { name: /^Needs attention \((\d+)\)/ });
  await expect(button).not.toHaveText("Needs attention (0)", { timeout: 15_000 });
  const count = Number(/\((\d+)\)/.exec((await button.textContent())!)![1]);
  await button.click();
  await expect(page).toHaveURL(/show=attention/);
  await expect(rows).toHaveCount(count);
  for (const row of await rows.all()) await expect(row.getByRole("list", { name: "Needs attention" }).getByRole("listitem").first()).toBeVisible();
  await snap(page, "meetings-attention");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const text = await readFile(await (await download).path(), "utf8");
  expect(text.slice(1).trim().split("\r\n")).toHaveLength(count + 1);
});
