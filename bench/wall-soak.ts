import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { simulatorEnv, startSimulator } from "@/server/simulator/server";
import { addUser, startDashboard } from "@/tests/integration/dashboard";

// `npm run bench:soak`: the wall page against a busy simulator for SOAK_MINUTES (default 10),
// printing the page's JS heap, DOM nodes and event listeners at the start and the end. Goal: flat.

const minutes = Number(process.env.SOAK_MINUTES ?? 10);

interface Sample {
  at: number;
  heapMB: number;
  nodes: number;
  listeners: number;
}

async function main() {
  // A busy world: changes every 100 ms in every meeting, meetings ending and starting as they do.
  const sim = await startSimulator({ tickMs: 100, ongoing: 40 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "mm-soak-"));
  await addUser({ dataDir }, { username: "wall", password: "soak-wall-password", role: "wall" });
  const dash = await startDashboard({ ...simulatorEnv(sim.url), DASHBOARD_ADMIN_PASSWORD: "soak-admin-password", LOG_LEVEL: "info" }, dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${dash.url}/login?next=${encodeURIComponent("/wall?rotate=15s")}`);
    await page.getByLabel("Username").fill("wall");
    await page.getByLabel("Password").fill("soak-wall-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("[data-wall-tile]").first().waitFor({ timeout: 30_000 });
    console.log("wall soak: the wall is up; settling for 30 s");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const sample = async (): Promise<Sample> => {
      await Promise.race([cdp.send("HeapProfiler.collectGarbage"), new Promise((r) => setTimeout(r, 10_000))]);
      const { metrics } = await cdp.send("Performance.getMetrics");
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
      return { at: Date.now(), heapMB: (m.JSHeapUsedSize ?? 0) / 1_048_576, nodes: m.Nodes ?? 0, listeners: m.JSEventListeners ?? 0 };
    };
    await new Promise((r) => setTimeout(r, 30_000)); // settle: every watcher connected, first rotation done
    const samples = [await sample()];
    const end = Date.now() + minutes * 60_000;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, Math.min(60_000, end - Date.now())));
      samples.push(await sample());
      console.log(`  after ${Math.round((samples.at(-1)!.at - samples[0]!.at) / 60_000)} min: heap ${samples.at(-1)!.heapMB.toFixed(1)} MB, DOM nodes ${samples.at(-1)!.nodes}`);
    }
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const row = (s: Sample) => `heap ${s.heapMB.toFixed(1)} MB, DOM nodes ${s.nodes}, listeners ${s.listeners}`;
    console.log(`wall soak: ${minutes} min, ${sim.world.ongoing.size} meetings changing every 100 ms, rotating every 15 s`);
    console.log(`  start: ${row(first)}`);
    console.log(`  end:   ${row(last)}`);
    console.log(`  heap per sample (MB): ${samples.map((s) => s.heapMB.toFixed(1)).join(" ")}`);
    console.log(`  DOM nodes per sample: ${samples.map((s) => s.nodes).join(" ")}`);
  } finally {
    await browser.close();
    await dash.stop();
    await sim.close();
  }
}

await main();
