import type { Store } from "./store";
import { userRowSchema, type UserRow } from "./schema";

/** The `users` table. */
export class UsersTable {
  constructor(private readonly store: Store) {}

  async all(): Promise<UserRow[]> {
    const rows = await this.store.run((db) => db.selectFrom("users").selectAll().orderBy("username").execute());
    return rows.map((r) => userRowSchema.parse(r));
  }

  async get(username: string): Promise<UserRow | undefined> {
    const row = await this.store.run((db) => db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst());
    return row && userRowSchema.parse(row);
  }

  async upsert(user: UserRow): Promise<void> {
    await this.store.run((db) =>
      db
        .insertInto("users")
        .values(user)
        .onConflict((oc) => oc.column("username").doUpdateSet({ passwordHash: user.passwordHash, role: user.role, huaweiUserId: user.huaweiUserId }))
        .execute(),
    );
  }

  /** Adds those not there yet; returns how many were added. */
  async insertMissing(users: UserRow[]): Promise<number> {
    if (users.length === 0) return 0;
    const result = await this.store.run((db) => db.insertInto("users").values(users).onConflict((oc) => oc.column("username").doNothing()).executeTakeFirst());
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async remove(username: string): Promise<boolean> {
    const result = await this.store.run((db) => db.deleteFrom("users").where("username", "=", username).executeTakeFirst());
    return Number(result.numDeletedRows) > 0;
  }
}
