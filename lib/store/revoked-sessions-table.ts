import type { Store } from "./store";

/** The `revoked_sessions` table: session ids signed out before their cookie expires. */
export class RevokedSessionsTable {
  constructor(private readonly store: Store) {}

  async add(sid: string, revokedAt: number, expiresAt: number): Promise<void> {
    await this.store.run((db) =>
      db.insertInto("revokedSessions").values({ sid, revokedAt, expiresAt }).onConflict((oc) => oc.column("sid").doNothing()).execute(),
    );
  }

  async has(sid: string, now: number): Promise<boolean> {
    const row = await this.store.run((db) => db.selectFrom("revokedSessions").select("sid").where("sid", "=", sid).where("expiresAt", ">", now).executeTakeFirst());
    return row !== undefined;
  }

  /** Those revoked at or after `since` and not yet expired, oldest first. */
  async since(since: number, now: number): Promise<{ sid: string; revokedAt: number; expiresAt: number }[]> {
    return this.store.run((db) =>
      db
        .selectFrom("revokedSessions")
        .select(["sid", "revokedAt", "expiresAt"])
        .where("revokedAt", ">=", since)
        .where("expiresAt", ">", now)
        .orderBy("revokedAt")
        .execute(),
    );
  }

  /** Forgets those whose cookie has expired anyway; returns how many. */
  async purgeExpired(now: number): Promise<number> {
    const result = await this.store.run((db) => db.deleteFrom("revokedSessions").where("expiresAt", "<=", now).executeTakeFirst());
    return Number(result.numDeletedRows);
  }
}
