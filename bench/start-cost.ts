import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { mb, wait } from "./stack";

const ROOT = path.resolve(import.meta.dirname, "..");

/** How long a production server takes to say it listens, and its resident memory after 10 s idle. */
async function startOnce(args: string[]): Promise<{ ms: number; rss: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "0", DATA_DIR: mkdtempSync(path.join(tmpdir(), "mm-start-")), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => line.includes("meeting monitor listening") && resolve(Date.now() - t0));
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
  await wait(10_000);
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? NaN) * 1024;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
  return { ms, rss };
}

/** The compiled server (`npm start`) beside the same server compiled at run time by tsx, three starts each. */
export async function startCost(): Promise<void> {
  const variants = [
    { name: "compiled (dist/server, npm start)", args: ["dist/server/index.js"] },
    { name: "TypeScript through tsx at run time", args: ["--import", "tsx", "server/index.ts"] },
  ];
  for (const v of variants) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await startOnce(v.args));
    console.log(`start, ${v.name}: listening after ${runs.map((r) => `${(r.ms / 1000).toFixed(1)} s`).join(", ")}; idle RSS ${runs.map((r) => mb(r.rss)).join(", ")}`);
  }
}
