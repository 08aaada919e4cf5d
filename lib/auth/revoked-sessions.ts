import { LRUCache } from "lru-cache";
import { logger } from "@/lib/logger";
import { RevokedSessionsTable } from "@/lib/store/revoked-sessions-table";
import type { Store } from "@/lib/store/store";

/** How far back each read looks again, so a sign-out committed late by another instance is not missed. */
const OVERLAP_MS = 10_000;

/**
 * Sessions signed out before their cookie expires. Cookies are sealed, not stored, so a copy of
 * one would otherwise stay valid until its TTL; every request checks its session id here.
 *
 * Kept in the store, so a sign-out holds on every instance sharing it, and in memory, so the
 * check on every request costs no query: the table is read for new sign-outs every second. While
 * the store cannot be reached, sign-outs made here hold here at once and are written when it is back.
 */
export class RevokedSessions {
  private readonly table: RevokedSessionsTable;
  private readonly known = new LRUCache<string, true>({ max: 200_000, ttlAutopurge: true });
  private readonly unwritten = new Map<string, { revokedAt: number; expiresAt: number }>();
  private watermark = 0;
  private timer?: NodeJS.Timeout;
  private lastPurge = 0;

  constructor(store: Store) {
    this.table = new RevokedSessionsTable(store);
  }

  async watch(intervalMs = 1_000): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  unwatch(): void {
    clearInterval(this.timer);
  }

  async revoke(sid: string, ttlMs: number): Promise<void> {
    const revokedAt = Date.now();
    const expiresAt = revokedAt + Math.max(1, ttlMs);
    this.known.set(sid, true, { ttl: expiresAt - revokedAt });
    try {
      await this.table.add(sid, revokedAt, expiresAt);
    } catch (error) {
      this.unwritten.set(sid, { revokedAt, expiresAt });
      logger.warn({ err: (error as Error).message }, "sign-out not yet written to the store: it holds on this instance and is written when the store is back");
    }
  }

  /** Without `watch` (a process that does not serve), asks the table. */
  async isRevoked(sid: string): Promise<boolean> {
    if (this.known.has(sid)) return true;
    if (this.timer) return false;
    return this.table.has(sid, Date.now());
  }

  private async sync(): Promise<void> {
    const now = Date.now();
    for (const [sid, r] of this.unwritten) {
      await this.table.add(sid, r.revokedAt, r.expiresAt);
      this.unwritten.delete(sid);
    }
    const rows = await this.table.since(Math.max(0, this.watermark - OVERLAP_MS), now);
    for (const r of rows) {
      this.known.set(r.sid, true, { ttl: Math.max(1, r.expiresAt - now) });
      // Not Math.max(...rows): the first read may return more rows than a call takes arguments.
      if (r.revokedAt > this.watermark) this.watermark = r.revokedAt;
    }
    if (now - this.lastPurge > 3600_000) {
      this.lastPurge = now;
      await this.table.purgeExpired(now);
    }
  }
}
