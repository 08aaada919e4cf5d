import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

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
  for (const cell of await rows.locator("td:nth-child(6)").allInnerTexts()) {
    const [present, invited] = cell.split("\n")[0]!.replace(/,/g, "").match(/\d+/g)!.map(Number);
    if (invited !== undefined && present! > invited) {
      expect(cell).toContain(`${present! - invited} joined uninvited`);
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
});

test("dark theme renders", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await snap(page, "meetings-dark");
});
