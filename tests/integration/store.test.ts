import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { simulatorEnv, startSimulator, type Simulator } from "@/server/simulator/server";
import { PrivatePostgres } from "@/tests/private-postgres";
import { testPlace } from "@/tests/stores";
import { Browser, startDashboard, type Dashboard } from "./dashboard";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

/** `npm run user -- ...`, as an operator types it, against the given store. */
function userCli(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "server/user-cli.ts", ...args], { cwd: ROOT, env: { PATH: process.env.PATH, NODE_ENV: "production", ...env } });
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ tickMs: 0, seed: 4242 });
  cleanup.push(() => sim.close());
  return sim;
}

async function dashboard(env: Record<string, string>, dataDir?: string): Promise<Dashboard> {
  const dash = await startDashboard(env, dataDir);
  cleanup.push(() => dash.stop());
  return dash;
}

describe("users and displays in the store", () => {
  it("imports users.json and displays.json once at the first start, renamed, nothing lost", async () => {
    const sim = await simulator();
    const dataDir = mkdtempSync(path.join(tmpdir(), "mm-int-"));
    const passwordHash = await hashPassword("from-the-file");
    writeFileSync(
      path.join(dataDir, "users.json"),
      JSON.stringify({ users: [{ username: "filed", passwordHash, role: "admin", huaweiUserId: null, createdAt: "2026-05-01T00:00:00.000Z" }] }),
    );
    writeFileSync(
      path.join(dataDir, "displays.json"),
      JSON.stringify({ displays: [{ id: "00112233445566ff", name: "Old lobby", tokenHash: "b".repeat(64), settings: "", createdAt: "2026-05-01T00:00:00.000Z", createdBy: "filed" }] }),
    );
    const dash = await dashboard({ ...simulatorEnv(sim.url) }, dataDir);
    const admin = new Browser(dash.url);
    expect((await admin.login("filed", "from-the-file")).status).toBe(200);
    const displays = await admin.json<{ items: { name: string }[] }>("/api/admin/displays");
    expect(displays.body.items.map((d) => d.name)).toEqual(["Old lobby"]);
    expect(existsSync(path.join(dataDir, "users.json"))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => /^(users|displays)\.json\.imported-/.test(f))).toHaveLength(2);
    expect(dash.output()).toMatch(/imported into the store/);
  });

  it("`npm run user` changes the users of a running server (SQLite, WAL)", async () => {
    const sim = await simulator();
    const dash = await dashboard({ ...simulatorEnv(sim.url), DASHBOARD_ADMIN_PASSWORD: "store-admin-pw" });
    const env = { DATA_DIR: dash.dataDir };
    const added = await userCli(env, "add", "dora", "--role", "admin", "--password", "dora-password");
    expect(added.stdout).toMatch(/saved dora \(admin\) in SQLite .*meeting-monitor\.sqlite/);
    const dora = new Browser(dash.url);
    expect((await dora.login("dora", "dora-password")).status).toBe(200);
    expect((await userCli(env, "list")).stdout).toMatch(/^dora\tadmin$/m);
    await userCli(env, "remove", "dora");
    await expect.poll(async () => (await dora.get("/api/auth/me")).status, { timeout: 3_000 }).toBe(401);
  });
});

describe("two instances sharing PostgreSQL, no shared disk", () => {
  it("share users, displays and sign-outs", async () => {
    const sim = await simulator();
    const place = await testPlace("postgres");
    cleanup.push(place.drop);
    const shared = { ...simulatorEnv(sim.url), ...place.env, SESSION_SECRET: "s".repeat(64), DASHBOARD_ADMIN_PASSWORD: "pg-admin-password" };
    const a = await dashboard(shared);
    const b = await dashboard(shared);
    expect(a.dataDir).not.toBe(b.dataDir);

    await userCli({ DATABASE_URL: place.env.DATABASE_URL!, DATA_DIR: mkdtempSync(path.join(tmpdir(), "mm-cli-")) }, "add", "erin", "--role", "admin", "--password", "erin-password");
    const onA = new Browser(a.url);
    const onB = new Browser(b.url);
    expect((await onA.login("erin", "erin-password")).status).toBe(200);
    expect((await onB.login("erin", "erin-password")).status).toBe(200);

    const created = await onA.post("/api/admin/displays", { name: "Shared wall", settings: "" });
    expect(created.status).toBe(201);
    const { url, display } = (await created.json()) as { url: string; display: { id: string } };
    const wallUrl = url.replace(a.url, b.url);
    const opened = await fetch(wallUrl, { redirect: "manual" });
    expect(opened.status).toBe(303);
    const wall = Browser.withCookie(b.url, opened.headers.get("set-cookie")!.split(";")[0]!);
    expect((await wall.get("/api/auth/me")).status).toBe(200);
    expect((await onB.json<{ items: { id: string }[] }>("/api/admin/displays")).body.items.map((d) => d.id)).toEqual([display.id]);
    const revoked = await fetch(`${a.url}/api/admin/displays/${display.id}`, { method: "DELETE", headers: { cookie: onA.sessionCookie } });
    expect(revoked.status).toBe(204);
    await expect.poll(async () => (await wall.get("/api/auth/me")).status, { timeout: 3_000 }).toBe(401);

    const copy = onA.sessionCookie;
    await onA.logout();
    await expect.poll(async () => (await Browser.withCookie(b.url, copy).get("/api/auth/me")).status, { timeout: 3_000 }).toBe(401);
  });
});

describe("a PostgreSQL that goes away", () => {
  it("does not stop the live dashboard: health says degraded, store writes answer 503, and all is back when it is", async () => {
    const sim = await simulator();
    const server = await PrivatePostgres.create();
    cleanup.push(() => server.destroy());
    const env = { ...simulatorEnv(sim.url), DATABASE_URL: server.url, SESSION_SECRET: "o".repeat(64), DASHBOARD_ADMIN_PASSWORD: "outage-admin-pw" };
    const dash = await dashboard(env);
    const admin = new Browser(dash.url);
    expect((await admin.login("admin", "outage-admin-pw")).status).toBe(200);

    await server.stop();
    await expect.poll(async () => (await admin.json<{ status: string; store: { state: string } }>("/api/health")).body, { timeout: 6_000 }).toMatchObject({ status: "degraded", store: { state: "down" } });
    expect((await admin.get("/api/meetings")).status).toBe(200);
    expect((await admin.get("/api/auth/me")).status).toBe(200);
    const refused = await admin.post("/api/admin/displays", { name: "During the outage", settings: "" });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "store_unavailable" } });
    // A sign-out during the outage holds here at once and is written when the store is back.
    const leaving = new Browser(dash.url);
    await leaving.login("admin", "outage-admin-pw");
    const copy = leaving.sessionCookie;
    await leaving.logout();
    expect((await Browser.withCookie(dash.url, copy).get("/api/auth/me")).status).toBe(401);

    await server.start();
    await expect.poll(async () => (await admin.json<{ status: string }>("/api/health")).body.status, { timeout: 8_000 }).toBe("ok");
    expect((await admin.post("/api/admin/displays", { name: "After the outage", settings: "" })).status).toBe(201);
    const other = await dashboard(env);
    await expect.poll(async () => (await Browser.withCookie(other.url, copy).get("/api/auth/me")).status, { timeout: 3_000 }).toBe(401);
  });
});
