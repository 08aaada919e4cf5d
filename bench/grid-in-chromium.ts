import { chromium } from "playwright-core";
import { benchStack, meetingsForBench, wait } from "./stack";
import { percentile } from "./push-latency";

const HANDS_PER_SECOND = 50;
const RUN_MS = 20_000;

/**
 * A town hall's show of hands in Chromium: a 1,200-person live grid while 50 hands a second go
 * up. The page itself records when its "hands up" figure changes and every long task; the
 * change's time in the simulator and the figure's time on screen give change-to-screen latency.
 */
export async function gridInChromium(): Promise<void> {
  const stack = await benchStack();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const meeting = meetingsForBench(stack.sim)[0]!;
    for (let i = meeting.participants.size; i < 1_200; i++) stack.sim.world.join(meeting, { name: `Town hall guest ${i}` });
    const raisable = [...meeting.participants.values()].filter((p) => !p.hand).slice(0, Math.round((HANDS_PER_SECOND * RUN_MS) / 1000));
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addCookies([{ name: "mm_session", value: decodeURIComponent(stack.accounts[0]!.sessionCookie.split("=")[1]!), url: stack.dashes[0]!.url }]);
    const page = await context.newPage();
    await page.goto(`${stack.dashes[0]!.url}/meetings/${meeting.conferenceID}`);
    await page.locator('[data-upstream="live"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-count="hands"]').waitFor();
    await wait(2_000);
    await page.evaluate(() => {
      const w = window as unknown as { bench: { changes: [number, number][]; longTasks: number[] } };
      w.bench = { changes: [], longTasks: [] };
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.bench.longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
      const figure = document.querySelector('[data-count="hands"]')!;
      new MutationObserver(() => w.bench.changes.push([Number(figure.textContent!.replace(/\D/g, "")), performance.timeOrigin + performance.now()])).observe(figure, { childList: true, characterData: true, subtree: true });
    });
    // The observer must see a long task when there is one: a deliberate 80 ms one, then a clean slate.
    await page.evaluate(() => {
      setTimeout(() => {
        const until = performance.now() + 80;
        while (performance.now() < until);
      }, 0);
    });
    await wait(500);
    const calibrated = await page.evaluate(() => {
      const bench = (window as unknown as { bench: { longTasks: number[] } }).bench;
      const seen = bench.longTasks.length;
      bench.longTasks.length = 0;
      return seen;
    });
    if (calibrated < 1) throw new Error("the long-task observer saw no long task: its figure would mean nothing");
    const domBefore = await page.evaluate(() => document.getElementsByTagName("*").length);
    const handsBefore = Number((await page.locator('[data-count="hands"]').textContent())!.replace(/\D/g, ""));
    const raisedAt: number[] = [];
    const started = Date.now();
    for (let i = 0; i < raisable.length; i++) {
      const due = started + (i * 1000) / HANDS_PER_SECOND;
      if (due > Date.now()) await wait(due - Date.now());
      raisedAt.push(Date.now());
      stack.sim.world.changeParticipant(meeting, raisable[i]!.pid, { hand: true });
    }
    await wait(2_000);
    const { changes, longTasks } = await page.evaluate(() => (window as unknown as { bench: { changes: [number, number][]; longTasks: number[] } }).bench);
    const domAfter = await page.evaluate(() => document.getElementsByTagName("*").length);
    // The k-th hand is on screen when the figure first reaches handsBefore + k.
    const latencies = raisedAt.flatMap((at, k) => {
      const shown = changes.find(([value]) => value >= handsBefore + k + 1);
      return shown ? [shown[1] - at] : [];
    });
    latencies.sort((a, b) => a - b);
    const minutes = (Date.now() - started) / 60_000;
    console.log(
      `grid in Chromium, ${meeting.participants.size}-person meeting, ${HANDS_PER_SECOND} hands/s for ${RUN_MS / 1000} s: change to screen p50 ${percentile(latencies, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(0)} ms (${latencies.length}/${raisedAt.length} seen); long tasks ${(longTasks.length / minutes).toFixed(0)} a minute, ` +
        `longest ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} ms; DOM ${domBefore} → ${domAfter} elements`,
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}
