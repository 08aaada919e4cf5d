import { expect, type Page } from "@playwright/test";

export const SIMULATOR_URL = `http://127.0.0.1:${process.env.E2E_SIMULATOR_PORT ?? 3299}`;

export async function signIn(page: Page, username = "admin", password = "admin-demo"): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Ongoing meetings" })).toBeVisible();
}

/** Screenshots are kept as CI artifacts under test-results/screenshots. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** The dashboard's log during the end-to-end run (playwright.config.ts points LOG_FILE here). */
export const SERVER_LOG = "test-results/e2e-server.log";
