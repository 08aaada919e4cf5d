import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { UserStore } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/viewer";
import { Store } from "@/lib/store/store";
import { testPlace } from "@/tests/stores";
import { simulatorEnv, startSimulator, type Simulator, type SimulatorOptions } from "@/server/simulator/server";

export interface Dashboard {
  url: string;
  process: ChildProcess;
  dataDir: string;
  /** The environment it was started with, beyond the defaults (DATABASE_URL, when set, is its store). */
  env: Record<string, string>;
  /** Everything the process wrote, for assertions on its messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the real, built dashboard (`node dist/server/index.js`, what `npm start` runs) as a
 * child process on a free port and resolves once it is listening.
 */
export function startDashboard(env: Record<string, string>, dataDir = mkdtempSync(path.join(tmpdir(), "mm-int-")), nodeArgs: string[] = []): Promise<Dashboard> {
  const child = spawn(process.execPath, [...nodeArgs, "dist/server/index.js"], {
    cwd: ROOT,
    // The archive collector reads all of Huawei's history on a first start: only the tests of the archive want it.
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info", NEXT_TELEMETRY_DISABLED: "1", ARCHIVE_COLLECT: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      output += `${line}\n`;
      if (!line.includes("meeting monitor listening")) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        process: child,
        dataDir,
        env,
        output: () => output,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`dashboard exited with ${code} before listening:\n${output}`)));
  });
}

/** Adds or updates a user in a dashboard's store, as `npm run user` does, while it runs or before. */
export async function addUser(
  where: { dataDir: string; env?: Record<string, string> },
  user: { username: string; password: string; role: Role; huaweiUserId?: string },
): Promise<void> {
  const store = await Store.fromEnv(where.env ?? {}, where.dataDir);
  try {
    await new UserStore(store).upsert(user);
  } finally {
    await store.close();
  }
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and output. */
export function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ["dist/server/index.js"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "0", NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: mkdtempSync(path.join(tmpdir(), "mm-int-")), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    }),
  );
}

/** A tiny cookie-keeping HTTP client for one signed-in user. */
export class Browser {
  private cookie = "";

  constructor(private readonly base: string) {}

  async login(username: string, password: string): Promise<Response> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return res;
  }

  get(pathname: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.base}${pathname}`, { headers: { ...headers, cookie: this.cookie } });
  }

  post(pathname: string, body: unknown): Promise<Response> {
    return fetch(`${this.base}${pathname}`, { method: "POST", headers: { cookie: this.cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  /** Signs out, and keeps whatever cookie the server then sets (as a browser would). */
  async logout(): Promise<Response> {
    const res = await fetch(`${this.base}/api/auth/logout`, { method: "POST", headers: { cookie: this.cookie } });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return res;
  }

  /** A browser that presents the given cookie, such as a copy kept from before a sign-out. */
  static withCookie(base: string, cookie: string): Browser {
    const b = new Browser(base);
    b.cookie = cookie;
    return b;
  }

  get sessionCookie(): string {
    return this.cookie;
  }

  async json<T = unknown>(pathname: string): Promise<{ status: number; body: T }> {
    const res = await this.get(pathname);
    return { status: res.status, body: (await res.json()) as T };
  }
}

export interface Stack {
  sim: Simulator;
  dash: Dashboard;
  /** Signed in as "admin". */
  admin: Browser;
  /** Signed in as "alice", a host who sees what Huawei user alice.chen sees. */
  host: Browser;
  stop: () => Promise<void>;
}

export const STACK_ADMIN_PASSWORD = "stack-admin-password";

/** A simulator and a dashboard pointed at it with real (App ID) credentials, an admin and a host signed in. */
export async function startStack(simulator: SimulatorOptions, env: Record<string, string> = {}): Promise<Stack> {
  const sim = await startSimulator({ tickMs: 0, ...simulator });
  const dataDir = mkdtempSync(path.join(tmpdir(), "mm-int-"));
  await addUser({ dataDir, env }, { username: "alice", password: "alice-password", role: "host", huaweiUserId: "alice.chen" });
  const dash = await startDashboard(
    {
      ...simulatorEnv(sim.url),
      DASHBOARD_ADMIN_PASSWORD: STACK_ADMIN_PASSWORD,
      ...env,
    },
    dataDir,
  );
  const admin = new Browser(dash.url);
  const host = new Browser(dash.url);
  if ((await admin.login("admin", STACK_ADMIN_PASSWORD)).status !== 200) throw new Error("admin sign-in failed");
  if ((await host.login("alice", "alice-password")).status !== 200) throw new Error("host sign-in failed");
  const stack: Stack = {
    sim,
    dash,
    admin,
    host,
    // The dashboard running now: a test may have replaced it with a restarted one.
    stop: async () => {
      await stack.dash.stop();
      await sim.close();
    },
  };
  return stack;
}

/** Two dashboard instances sharing one Redis, a data directory and a session secret, as behind a load balancer. */
/**
 * Two instances as behind a load balancer: one Redis, one PostgreSQL database of their own on the
 * machine's server, and no shared disk (each its own DATA_DIR). The database is dropped once both stop.
 */
export async function startCluster(simUrl: string, redisUrl: string, env: Record<string, string> = {}): Promise<[Dashboard, Dashboard]> {
  const place = await testPlace("postgres");
  const shared = {
    ...place.env,
    ...simulatorEnv(simUrl),
    DASHBOARD_ADMIN_PASSWORD: "cluster-admin-pw",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `mm-test-${randomBytes(4).toString("hex")}`,
    RELAY_LEASE_TTL_MS: "1500",
    HUAWEI_WS_HEARTBEAT_MS: "500",
    HUAWEI_POLL_MS: "500",
    UPSTREAM_CACHE_MS: "100",
    ...env,
  };
  const a = await startDashboard(shared);
  const b = await startDashboard(shared);
  let running = 2;
  for (const dash of [a, b]) {
    const stop = dash.stop;
    dash.stop = async () => {
      await stop();
      if (--running === 0) await place.drop();
    };
  }
  return [a, b];
}
