import { performance } from "node:perf_hooks";
import type { Viewer } from "@/lib/auth/viewer";
import { ArchiveCollector } from "@/lib/archive/archive-collector";
import { HuaweiClient } from "@/lib/huawei/client";
import { ReportsService } from "@/lib/reports/reports-service";
import { ArchiveTable } from "@/lib/store/archive-table";
import { runWithContext } from "@/lib/request-context";
import { SIMULATOR_APP_AUTH, startSimulator } from "@/server/simulator/server";
import { ENGINES, testStore } from "@/tests/stores";
import { generateYear, type YearShape } from "./archive-year";

const ADMIN: Viewer = { username: "bench", role: "admin", huaweiUserId: null };
// ARCHIVE_BENCH_MEETINGS scales the year down for a quick look (the README quotes the full year).
const MEETINGS = Number(process.env.ARCHIVE_BENCH_MEETINGS ?? 100_000);
const YEAR: YearShape = { people: 5_000, meetings: MEETINGS, series: Math.min(200, Math.floor(MEETINGS / 500)) };

/** The longest the event loop went without running a 1 ms timer while `fn` ran: what every socket of the relay waits. */
async function withLag<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 1);
    last = now;
  }, 1);
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(timer);
  return { value, ms, lagMs: Math.max(0, lagMs) };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");

/**
 * `npm run bench -- archive`: a generated year of a 5,000-person enterprise in each engine (store
 * size, write rate, the series, person and department reports with the event-loop lag beside
 * each, and the naive department report that aggregates in the process), then the collector's
 * backfill from the simulator at the default upstream budget with a viewer's call beside it.
 */
export async function archiveBench(): Promise<void> {
  const huawei = new HuaweiClient({ baseUrl: "http://127.0.0.1:9", auth: SIMULATOR_APP_AUTH, timeoutMs: 1000, maxRetries: 0, requestsPerSecond: 20 });
  for (const engine of (process.env.ARCHIVE_BENCH_ENGINES?.split(",") as typeof ENGINES | undefined) ?? ENGINES) {
    const { store, close } = await testStore(engine);
    try {
      const archive = new ArchiveTable(store);
      const now = Date.now();
      let meetings = 0;
      let records = 0;
      // The year is loaded 200 meetings to a transaction (saveMany); the collector stores one at a
      // time, at the pace Huawei's budget allows (the backfill figure below).
      const writeStart = performance.now();
      let batch: Parameters<ArchiveTable["saveMany"]>[0][number][] = [];
      const pending = new Set<Promise<void>>();
      const parallel = 2;
      const flush = async () => {
        const p = archive.saveMany(batch).then(() => void pending.delete(p));
        pending.add(p);
        batch = [];
        if (pending.size >= parallel) await Promise.race(pending);
      };
      for (const m of generateYear(YEAR, now)) {
        batch.push(m);
        meetings++;
        records += m.records.length;
        if (batch.length >= 200) await flush();
      }
      if (batch.length) await flush();
      await Promise.all(pending);
      const writeS = (performance.now() - writeStart) / 1000;
      console.log(`archive on ${engine}: ${fmt(meetings)} meetings, ${fmt(records)} records bulk-loaded in ${writeS.toFixed(0)} s (${fmt(meetings / writeS)} meetings/s, ${fmt(records / writeS)} records/s); store ${(await store.sizeBytes() / 1e6).toFixed(0)} MB`);

      const reports = new ReportsService(archive, huawei);
      const year = { from: now - 366 * 86_400_000, to: now };
      const series = await withLag(() => reports.series(ADMIN, "900000007", year, 0));
      console.log(`  series over a year (${series.value?.occurrences.length} occurrences, ${series.value?.people.length} people): ${series.ms.toFixed(0)} ms, event loop held up to ${series.lagMs.toFixed(0)} ms`);
      const person = await withLag(() => reports.people(ADMIN, "+991111001234", year));
      console.log(`  one person's year by number (${person.value.people[0]?.meetings} meetings): ${person.ms.toFixed(0)} ms, lag ${person.lagMs.toFixed(0)} ms`);
      const byName = await withLag(() => reports.people(ADMIN, "person 1234", year));
      console.log(`  people by part of a name (${byName.value.people.length} people): ${byName.ms.toFixed(0)} ms, lag ${byName.lagMs.toFixed(0)} ms`);
      const depts = await withLag(() => reports.departments(ADMIN, year, "month", "Asia/Shanghai"));
      console.log(`  departments by month over the year (${depts.value.rows.length} rows): ${depts.ms.toFixed(0)} ms, lag ${depts.lagMs.toFixed(0)} ms`);
      const naive = await withLag(async () => {
        // The naive alternative: every record of the year brought into the process and summed there.
        const occurrences = await archive.search(year, "", null, 200_000);
        const rows = await archive.recordsOf(occurrences.map((o) => o.confUuid));
        const sums = new Map<string, number>();
        for (const r of rows) sums.set(r.deptName ?? "", (sums.get(r.deptName ?? "") ?? 0) + r.countedMs);
        return rows.length;
      });
      console.log(`  naive departments (${fmt(naive.value)} records into the process): ${naive.ms.toFixed(0)} ms, lag ${naive.lagMs.toFixed(0)} ms`);
    } finally {
      await close();
    }
  }
  await backfill();
}

/** The collector against the simulator at the default budget (20 calls a second), and what a viewer's call waits meanwhile. */
async function backfill(): Promise<void> {
  const sim = await startSimulator({ tickMs: 0, historyDays: 30, historyPerDay: 20 });
  const { store, close } = await testStore("sqlite");
  const huawei = new HuaweiClient({ baseUrl: sim.url, auth: SIMULATOR_APP_AUTH, timeoutMs: 10_000, maxRetries: 2, requestsPerSecond: 20 });
  const viewerCall = async () => {
    const t = performance.now();
    await runWithContext({ requestId: "bench-viewer", lane: "viewer" }, () => huawei.listOnlineMeetings({ queryAll: true }));
    return performance.now() - t;
  };
  try {
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await viewerCall());
    const collector = new ArchiveCollector(store, huawei);
    const held = sim.world.keptHistory().length;
    const started = performance.now();
    const run = collector.runOnce();
    const busy: number[] = [];
    while ((await collector.archive.counts()).meetings < held / 2) busy.push(await viewerCall());
    await run;
    const s = (performance.now() - started) / 1000;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`backfill of ${fmt(held)} meetings from the simulator at the default 20 calls/s: ${s.toFixed(0)} s (${(held / s).toFixed(1)} meetings/s, 4 calls each); a viewer's list call meanwhile: median ${median(busy).toFixed(0)} ms (idle ${median(idle).toFixed(0)} ms)`);
  } finally {
    await close();
    await sim.close();
  }
}
