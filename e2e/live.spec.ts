import { expect, test, type Page } from "@playwright/test";
import { SIMULATOR_URL, signIn, snap } from "./helpers";

interface SimMeetingSummary {
  conferenceID: string;
  subject: string;
  participants: number;
}
interface SimParticipant {
  pid: string;
  name: string;
  role: string;
  muted: boolean;
  hand: boolean;
}

async function simMeetings(): Promise<SimMeetingSummary[]> {
  return (await fetch(`${SIMULATOR_URL}/__sim/meetings`)).json();
}

async function simParticipants(id: string): Promise<SimParticipant[]> {
  return ((await (await fetch(`${SIMULATOR_URL}/__sim/meetings/${id}`)).json()) as { participants: SimParticipant[] }).participants;
}

async function change(id: string, pid: string, patch: Partial<{ muted: boolean; hand: boolean; video: boolean; sharing: boolean }>) {
  const res = await fetch(`${SIMULATOR_URL}/__sim/meetings/${id}/participants/${pid}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
  expect(res.status).toBe(200);
}

async function openLive(page: Page, id: string) {
  await page.goto(`/meetings/${id}`);
  await expect(page.locator("[data-upstream]")).toHaveAttribute("data-upstream", "live", { timeout: 15_000 });
}

test("a participant's mute change reaches the open page by itself", async ({ page }) => {
  const meeting = (await simMeetings()).find((m) => m.participants >= 4 && m.participants <= 20)!;
  await signIn(page);
  await openLive(page, meeting.conferenceID);
  const target = (await simParticipants(meeting.conferenceID)).find((p) => p.role === "participant")!;
  const row = page.locator(`[data-pid="${target.pid}"]`);
  await expect(row).toHaveAttribute("data-muted", String(target.muted));
  await expect(row.getByRole("img", { name: target.muted ? "Muted" : "Microphone on" })).toBeVisible();

  await change(meeting.conferenceID, target.pid, { muted: !target.muted, hand: true });
  await expect(row).toHaveAttribute("data-muted", String(!target.muted), { timeout: 2_000 });
  await expect(row.getByRole("img", { name: !target.muted ? "Muted" : "Microphone on" })).toBeVisible();
  await expect(row.getByRole("img", { name: "Hand raised" })).toBeVisible();
  await expect(page.getByLabel("Raised hands, in order")).toContainText(target.name);
  await expect(page.locator('[data-count="Hands up"]')).not.toHaveText("0");
  await snap(page, "live-small-meeting");

  await page.getByRole("button", { name: "Hands up" }).click();
  await expect(page.getByRole("listitem").filter({ has: page.locator(`[data-pid="${target.pid}"]`) })).toBeVisible();
  await change(meeting.conferenceID, target.pid, { hand: false });
  await expect(page.getByLabel("Raised hands, in order")).toHaveCount(0);
});

test("a 1,000-person meeting stays smooth and live", async ({ page }) => {
  const big = (await simMeetings()).sort((a, b) => b.participants - a.participants)[0]!;
  expect(big.participants).toBeGreaterThan(800);
  await signIn(page);
  await openLive(page, big.conferenceID);
  await expect(page.locator('[data-count="Present"]')).toHaveText(big.participants.toLocaleString("en-US"));
  // Virtualized: far fewer rows in the page than people in the meeting.
  expect(await page.locator("[data-pid]").count()).toBeLessThan(100);
  const someone = (await simParticipants(big.conferenceID)).find((p) => p.role === "participant" && !p.hand)!;
  await change(big.conferenceID, someone.pid, { hand: true });
  await expect(page.getByLabel("Raised hands, in order")).toContainText(someone.name, { timeout: 5_000 });
  await snap(page, "live-large-meeting");
});

test("the page says when a meeting has ended", async ({ page }) => {
  const meeting = (await simMeetings()).find((m) => m.participants >= 2 && m.participants <= 10)!;
  await signIn(page);
  await openLive(page, meeting.conferenceID);
  await fetch(`${SIMULATOR_URL}/__sim/meetings/${meeting.conferenceID}/end`, { method: "POST" });
  await expect(page.locator("[data-upstream]")).toHaveAttribute("data-upstream", "ended", { timeout: 5_000 });
  await expect(page.getByText("Meeting ended")).toBeVisible();
  await expect(page.getByRole("link", { name: /This meeting has ended/ })).toBeVisible();
  await snap(page, "live-meeting-ended");
});

test("the meetings list follows a meeting that ends, without a reload", async ({ page }) => {
  const meeting = (await simMeetings()).find((m) => m.participants >= 2 && m.participants <= 10)!;
  await signIn(page);
  const row = page.locator("tbody tr").filter({ hasText: meeting.conferenceID });
  await expect(row).toHaveCount(1);
  await fetch(`${SIMULATOR_URL}/__sim/meetings/${meeting.conferenceID}/end`, { method: "POST" });
  await expect(row).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByRole("status")).toContainText(/Updated/);
});
