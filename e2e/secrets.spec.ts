import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SERVER_LOG, SIMULATOR_URL, signIn } from "./helpers";

interface Secrets {
  appKey: string;
  tokens: string[];
  chairPasswords: string[];
}

// The server holds every Huawei credential: a signed-in browser, on every page it can open, and the
// server's own log must never carry the app key, an access, control or socket token, or a host password.
test("no Huawei token, control token, host password or app key reaches a browser or the log", async ({ page }) => {
  const seen: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().startsWith("http://127.0.0.1")) return;
    const type = response.headers()["content-type"] ?? "";
    if (!/json|text|csv|javascript|html/.test(type)) return;
    seen.push(await response.text().catch(() => ""));
  });
  page.on("websocket", (ws) => {
    ws.on("framereceived", (frame) => seen.push(String(frame.payload)));
  });

  await signIn(page);
  const meetings = (await (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json()) as { conferenceID: string; chairForAdmins: string; participants: number }[];
  const live = meetings.find((m) => m.chairForAdmins === "clear" && m.participants >= 4 && m.participants <= 60)!;
  await page.goto(`/meetings/${live.conferenceID}`);
  await expect(page.locator("[data-upstream]")).toHaveAttribute("data-upstream", "live", { timeout: 15_000 });
  await page.locator("[data-pid]").first().click();
  await page.goto("/history");
  await page.locator("a[href^='/history/']:visible").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/wall");
  await expect(page.locator("[data-wall-tile]").first()).toBeVisible({ timeout: 15_000 });
  await page.goto("/admin/displays");
  await page.goto("/");
  await expect(page.locator("a[href^='/meetings/']:visible").first()).toBeVisible();
  await page.waitForTimeout(1_000);

  const secrets = (await (await fetch(`${SIMULATOR_URL}/__sim/secrets`)).json()) as Secrets;
  expect(secrets.tokens.length, "the simulator issued tokens during the run").toBeGreaterThan(2);
  const log = await readFile(SERVER_LOG, "utf8");
  expect(log.length).toBeGreaterThan(0);
  const everything = [...seen, log].join("\n");
  expect(seen.length).toBeGreaterThan(20);
  expect(everything.includes(secrets.appKey), "the app key").toBe(false);
  for (const token of secrets.tokens) expect(everything.includes(token), `a token (${token.slice(0, 4)}…)`).toBe(false);
  // Passwords are short digit strings: looked for as whole values, not inside other numbers.
  for (const password of new Set(secrets.chairPasswords)) {
    expect(everything, "a host password").not.toMatch(new RegExp(`["'=:]${password}["'&,}\\s]`));
  }
});
