import type { UserStore } from "@/lib/auth/users";
import { ConfigError } from "@/lib/config-error";

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
}

/** The simulator's known host is "alice.chen"; these sign-ins only ever exist in simulator mode. */
const DEMO_USERS = [
  { username: "admin", password: "admin-demo", role: "admin", huaweiUserId: null },
  { username: "alice", password: "alice-demo", role: "host", huaweiUserId: "alice.chen" },
  { username: "wall", password: "wall-demo", role: "wall", huaweiUserId: null },
] as const;

/**
 * DASHBOARD_ADMIN_PASSWORD creates or updates "admin" (for containers). With no users at all,
 * simulator mode creates demo users and says so; real mode refuses to start without a user.
 */
export async function bootstrapUsers(store: UserStore, opts: { adminPassword?: string; simulated: boolean }): Promise<DemoLogin[]> {
  if (opts.adminPassword) await store.upsert({ username: "admin", password: opts.adminPassword, role: "admin" });
  const existing = await store.list();
  if (existing.length === 0) {
    if (!opts.simulated) {
      throw new ConfigError(
        `No dashboard users in ${store.where}. Add one with: npm run user -- add admin --role admin (or set DASHBOARD_ADMIN_PASSWORD)`,
      );
    }
    for (const demo of DEMO_USERS) await store.upsert(demo);
  }
  if (!opts.simulated) return [];
  // Show demo sign-ins only while they are still what the store holds.
  const demos: DemoLogin[] = [];
  for (const demo of DEMO_USERS) {
    if (await store.verify(demo.username, demo.password)) demos.push({ username: demo.username, password: demo.password, role: demo.role });
  }
  return demos;
}
