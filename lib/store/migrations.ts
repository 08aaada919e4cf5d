import type { Kysely, Migration } from "kysely";

/**
 * The schema's versions, applied in order at start (Kysely's Migrator records them in
 * kysely_migration and holds a lock while it runs, so instances starting together apply each once).
 * Written with the schema builder only, so one text serves both engines; never edit one that has
 * shipped: add the next.
 */
export const migrations: Record<string, Migration> = {
  "0001_users_displays_sessions": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("username", "text", (c) => c.primaryKey())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("huawei_user_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("displays")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("revoked_sessions")
        .addColumn("sid", "text", (c) => c.primaryKey())
        .addColumn("revoked_at", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("revoked_sessions_revoked_at").on("revoked_sessions").column("revoked_at").execute();
    },
  },
};
