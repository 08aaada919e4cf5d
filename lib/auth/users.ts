import { z } from "zod";
import { Mirror } from "@/lib/store/mirror";
import { usernameSchema, type UserRow } from "@/lib/store/schema";
import type { Store } from "@/lib/store/store";
import { UsersTable } from "@/lib/store/users-table";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./viewer";

export const passwordSchema = z.string().min(8, "a password has at least 8 characters").max(256);

export type PublicUser = Omit<UserRow, "passwordHash">;

function toPublic(user: UserRow): PublicUser {
  return { username: user.username, role: user.role, huaweiUserId: user.huaweiUserId, createdAt: user.createdAt };
}

// Compared against when the username is unknown, so a miss costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Dashboard users, in the store. A server `watch`es them: they are kept in memory and read again
 * every second, so `npm run user` and other instances take effect on a running server and the
 * check on every request costs no query; the CLI reads and writes the table directly.
 */
export class UserStore {
  private readonly table: UsersTable;
  private mirror?: Mirror<UserRow[]>;

  constructor(private readonly store: Store) {
    this.table = new UsersTable(store);
  }

  /** Where the users are kept, for messages. */
  get where(): string {
    return this.store.where;
  }

  /** Serves the users from memory; `onRemoved` hears of each user who is gone. */
  async watch(onRemoved: (username: string) => void): Promise<void> {
    this.mirror = new Mirror(
      () => this.table.all(),
      (before, after) => {
        const kept = new Set(after.map((u) => u.username));
        for (const user of before) if (!kept.has(user.username)) onRemoved(user.username);
      },
    );
    await this.mirror.start();
  }

  unwatch(): void {
    this.mirror?.stop();
  }

  async list(): Promise<PublicUser[]> {
    return (await this.rows()).map(toPublic);
  }

  async find(username: string): Promise<PublicUser | undefined> {
    const user = this.mirror ? this.mirror.current()!.find((u) => u.username === username) : await this.table.get(username);
    return user && toPublic(user);
  }

  async upsert(input: { username: string; password: string; role: Role; huaweiUserId?: string | null }): Promise<PublicUser> {
    const username = usernameSchema.parse(input.username);
    passwordSchema.parse(input.password);
    if (input.role === "host" && !input.huaweiUserId) {
      throw new Error("a host needs --huawei-user, the Huawei user id whose meetings they see");
    }
    const user: UserRow = {
      username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      huaweiUserId: input.role === "host" ? (input.huaweiUserId ?? null) : null,
      createdAt: new Date().toISOString(),
    };
    await this.table.upsert(user);
    await this.mirror?.refresh(true);
    return toPublic((await this.table.get(username)) ?? user);
  }

  async remove(username: string): Promise<boolean> {
    const removed = await this.table.remove(username);
    await this.mirror?.refresh(true);
    return removed;
  }

  /** The user when the password is right; undefined otherwise, in the same time either way. */
  async verify(username: string, password: string): Promise<PublicUser | undefined> {
    const known = this.mirror ? (this.mirror.current()!.find((u) => u.username === username) ?? (await this.mirror.refresh()).find((u) => u.username === username)) : await this.table.get(username);
    if (!known) {
      dummyHash ??= hashPassword("not a real password");
      await verifyPassword(password, await dummyHash);
      return undefined;
    }
    return (await verifyPassword(password, known.passwordHash)) ? toPublic(known) : undefined;
  }

  private async rows(): Promise<UserRow[]> {
    return this.mirror?.current() ?? this.table.all();
  }
}
