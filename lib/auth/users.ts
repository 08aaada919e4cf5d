import path from "node:path";
import { z } from "zod";
import { JsonFile } from "./json-file";
import { hashPassword, verifyPassword } from "./password";
import { roleSchema, type Role } from "./viewer";

export const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{2,64}$/, "a username is 2 to 64 letters, digits, dots, dashes or underscores");

export const passwordSchema = z.string().min(8, "a password has at least 8 characters").max(256);

const storedUserSchema = z.object({
  username: usernameSchema,
  passwordHash: z.string(),
  role: roleSchema,
  /** The Huawei user a host signs in to Huawei as (App ID auth's `userId`). */
  huaweiUserId: z.string().nullable().default(null),
  createdAt: z.iso.datetime(),
});
export type StoredUser = z.infer<typeof storedUserSchema>;
export type PublicUser = Omit<StoredUser, "passwordHash">;

const fileSchema = z.object({ users: z.array(storedUserSchema) });

function toPublic(user: StoredUser): PublicUser {
  return { username: user.username, role: user.role, huaweiUserId: user.huaweiUserId, createdAt: user.createdAt };
}

// Compared against when the username is unknown, so a miss costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Dashboard users in `<DATA_DIR>/users.json`. Read again when the file changes, so
 * `npm run user` takes effect on a running server; written atomically.
 */
export class UserStore {
  private readonly store: JsonFile<z.infer<typeof fileSchema>>;

  constructor(readonly dataDir: string) {
    this.store = new JsonFile(path.join(dataDir, "users.json"), fileSchema, { users: [] }, "users");
  }

  get file(): string {
    return this.store.file;
  }

  /** Serves the users from memory, reloaded when the file changes; `onRemoved` hears of each user who is gone. */
  watch(onRemoved: (username: string) => void): Promise<void> {
    return this.store.watch((before, after) => {
      const kept = new Set(after.users.map((u) => u.username));
      for (const user of before.users) if (!kept.has(user.username)) onRemoved(user.username);
    });
  }

  unwatch(): void {
    this.store.unwatch();
  }

  async list(): Promise<PublicUser[]> {
    return (await this.load()).map(toPublic);
  }

  async find(username: string): Promise<PublicUser | undefined> {
    return (await this.list()).find((u) => u.username === username);
  }

  async upsert(input: { username: string; password: string; role: Role; huaweiUserId?: string | null }): Promise<PublicUser> {
    const username = usernameSchema.parse(input.username);
    passwordSchema.parse(input.password);
    if (input.role === "host" && !input.huaweiUserId) {
      throw new Error("a host needs --huawei-user, the Huawei user id whose meetings they see");
    }
    const users = await this.load();
    const existing = users.find((u) => u.username === username);
    const user: StoredUser = {
      username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      huaweiUserId: input.role === "host" ? (input.huaweiUserId ?? null) : null,
      createdAt: existing?.createdAt ?? new Date().toISOString(),
    };
    await this.save([...users.filter((u) => u.username !== username), user]);
    return toPublic(user);
  }

  async remove(username: string): Promise<boolean> {
    const users = await this.load();
    const kept = users.filter((u) => u.username !== username);
    if (kept.length === users.length) return false;
    await this.save(kept);
    return true;
  }

  /** The user when the password is right; undefined otherwise, in the same time either way. */
  async verify(username: string, password: string): Promise<PublicUser | undefined> {
    const user = (await this.load()).find((u) => u.username === username) ?? (await this.store.refresh()).users.find((u) => u.username === username);
    if (!user) {
      dummyHash ??= hashPassword("not a real password");
      await verifyPassword(password, await dummyHash);
      return undefined;
    }
    return (await verifyPassword(password, user.passwordHash)) ? toPublic(user) : undefined;
  }

  private async load(): Promise<StoredUser[]> {
    return (await this.store.read()).users;
  }

  private async save(users: StoredUser[]): Promise<void> {
    await this.store.write({ users: users.sort((a, b) => a.username.localeCompare(b.username)) });
  }
}
