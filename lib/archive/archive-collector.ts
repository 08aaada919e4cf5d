import { randomBytes } from "node:crypto";
import type { HuaweiClient } from "@/lib/huawei/client";
import { HuaweiApiError } from "@/lib/huawei/errors";
import { NOT_FOUND_CODES } from "@/lib/huawei/error-codes";
import { logger } from "@/lib/logger";
import { runWithContext } from "@/lib/request-context";
import { ArchiveQueueTable } from "@/lib/store/archive-queue-table";
import { ArchiveStateTable } from "@/lib/store/archive-state-table";
import { ArchiveTable } from "@/lib/store/archive-table";
import { LeasesTable } from "@/lib/store/leases-table";
import type { Store } from "@/lib/store/store";
import { fetchMeeting } from "./collect-meeting";
import type { HuaweiQualityApi } from "@/lib/huawei/quality-api";

export interface CollectorOptions {
  /** How often the history list is read for meetings that ended (the event push makes it sooner). */
  intervalMs: number;
  /** Archived meetings older than this are removed; null keeps everything. */
  retentionDays: number | null;
  /** How far back the first run reaches: what Huawei still holds (12 months at most). */
  backfillDays: number;
  /** Each run reads again this far behind the last one, so a long meeting or a late record is not missed. */
  overlapMs: number;
  /** A meeting ended this long ago has its final records; until then it is collected again. */
  settleMs: number;
  /** Meetings fetched at once: each is four calls on the shared upstream budget, in a lane of its own. */
  concurrency: number;
  /** How often the queue (meetings Huawei said ended) is looked at. */
  queuePollMs: number;
}

export const DEFAULT_COLLECTOR_OPTIONS: CollectorOptions = {
  intervalMs: 5 * 60_000,
  retentionDays: null,
  backfillDays: 366,
  overlapMs: 24 * 3_600_000,
  settleMs: 15 * 60_000,
  concurrency: 2,
  queuePollMs: 2_000,
};

export interface ArchiveStatus {
  meetings: number;
  records: number;
  oldestStart: string | null;
  lastRunAt: string | null;
  /** How far the archive trails now: the time since the last complete read of Huawei's list. */
  behindMs: number | null;
  lastError: string | null;
  /** Meetings waiting to be collected (again). */
  queued: number;
  /** Whether this instance is the one collecting. */
  collecting: boolean;
  lastPurge: { at: string; meetings: number; records: number } | null;
}

const LEASE = "archive-collector";
const WINDOW_MS = 31 * 86_400_000;
/** Waits between attempts at a meeting that failed or is not in Huawei's history yet. */
const RETRY_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000];

/**
 * Copies every ended meeting of the enterprise into the store. One instance of the cluster
 * collects at a time (a lease row in the store, renewed while it works); the others keep their
 * collector idle and take over when the lease runs out. Idempotent by confUUID (a meeting is
 * stored whole, replacing itself), incremental by a watermark read again with an overlap.
 */
export class ArchiveCollector {
  readonly archive: ArchiveTable;
  private readonly queue: ArchiveQueueTable;
  private readonly state: ArchiveStateTable;
  private readonly leases: LeasesTable;
  private readonly holder = randomBytes(8).toString("hex");
  private readonly opts: CollectorOptions;
  private timer?: NodeJS.Timeout;
  private queueTimer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private holding = false;
  private stopped = false;

  constructor(
    store: Store,
    private readonly huawei: HuaweiClient,
    opts: Partial<CollectorOptions> = {},
    /** Huawei's quality APIs, to keep each person's alarms with the meeting; none with QUALITY=off. */
    private readonly quality?: HuaweiQualityApi,
  ) {
    this.opts = { ...DEFAULT_COLLECTOR_OPTIONS, ...opts };
    this.archive = new ArchiveTable(store);
    this.queue = new ArchiveQueueTable(store);
    this.state = new ArchiveStateTable(store);
    this.leases = new LeasesTable(store);
  }

  start(): void {
    const loop = () => {
      void this.runOnce().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.opts.intervalMs);
      });
    };
    loop();
    const queueLoop = () => {
      void this.drainQueue().finally(() => {
        if (!this.stopped) this.queueTimer = setTimeout(queueLoop, this.opts.queuePollMs);
      });
    };
    this.queueTimer = setTimeout(queueLoop, this.opts.queuePollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.queueTimer);
    await this.running?.catch(() => undefined);
    if (this.holding) await this.leases.release(LEASE, this.holder).catch(() => undefined);
  }

  /** Huawei said a meeting ended: collect it soon, whichever instance holds the lease. */
  async meetingEnded(confUUID: string): Promise<void> {
    await this.queue.add(confUUID, "event", Date.now());
    if (this.holding) void this.drainQueue();
  }

  /** One complete pass: the queue, Huawei's list since the watermark, the purge. */
  async runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async status(): Promise<ArchiveStatus> {
    const [counts, state, queued, holder] = await Promise.all([this.archive.counts(), this.state.all(), this.queue.size(), this.leases.holder(LEASE)]);
    const watermark = state.watermark ? Number(state.watermark) : null;
    return {
      meetings: counts.meetings,
      records: counts.records,
      oldestStart: counts.oldestStart === null ? null : new Date(counts.oldestStart).toISOString(),
      lastRunAt: state.lastRunAt ?? null,
      behindMs: watermark === null ? null : Math.max(0, Date.now() - watermark),
      lastError: state.lastError || null,
      queued,
      collecting: holder === this.holder,
      lastPurge: state.lastPurge ? (JSON.parse(state.lastPurge) as ArchiveStatus["lastPurge"]) : null,
    };
  }

  private async pass(): Promise<void> {
    try {
      if (!(await this.takeLease())) return;
      const runStart = Date.now();
      await this.drainQueue();
      const watermark = Number((await this.state.get("watermark")) ?? 0);
      const from = watermark ? watermark - this.opts.overlapMs : runStart - this.opts.backfillDays * 86_400_000;
      const errors = await this.collectRange(from, runStart);
      await this.purge(runStart);
      await this.state.set({ watermark: String(runStart), lastRunAt: new Date().toISOString(), lastError: errors[0] ?? "" });
    } catch (error) {
      const message = (error as Error).message;
      logger.warn({ err: message }, "archive run failed; the next run reads from the same watermark");
      await this.state.set({ lastRunAt: new Date().toISOString(), lastError: message }).catch(() => undefined);
    }
  }

  private async takeLease(): Promise<boolean> {
    const had = this.holding;
    this.holding = await this.leases.acquire(LEASE, this.holder, Math.max(60_000, 3 * this.opts.intervalMs));
    if (this.holding && !had) logger.info("archive collector: this instance collects");
    return this.holding;
  }

  /** Reads Huawei's history list month by month, newest first, and collects what is new or unsettled. */
  private async collectRange(from: number, to: number): Promise<string[]> {
    const errors: string[] = [];
    for (let end = to; end > from && !this.stopped; end -= WINDOW_MS) {
      const start = Math.max(from, end - WINDOW_MS);
      const listed = await this.inLane(() => this.huawei.listHistory({ queryAll: true }, { startDate: start, endDate: end }));
      const ids = [...new Set(listed.map((c) => c.confUUID).filter((id): id is string => Boolean(id)))];
      const known = await this.archive.settledOf(ids);
      const todo = ids.filter((id) => known.get(id) !== true);
      errors.push(...(await this.collectAll(todo)));
      if (!(await this.takeLease())) break;
    }
    return errors;
  }

  private async drainQueue(): Promise<void> {
    if (!this.holding || this.stopped) return;
    const due = await this.queue.due(Date.now(), 50).catch(() => []);
    if (!due.length) return;
    const attempts = new Map(due.map((d) => [d.confUuid, d.attempts]));
    await this.collectAll(due.map((d) => d.confUuid), attempts);
  }

  /** Collects meetings a few at a time; returns the errors of those that failed (queued to try again). */
  private async collectAll(ids: readonly string[], attempts = new Map<string, number>()): Promise<string[]> {
    const errors: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !this.stopped) {
        const id = ids[next++]!;
        const error = await this.collectOne(id, attempts.get(id));
        if (error) errors.push(error);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, ids.length) }, worker));
    return errors;
  }

  private async collectOne(confUUID: string, attempts: number | undefined): Promise<string | null> {
    const now = Date.now();
    try {
      const collected = await this.inLane(() => fetchMeeting(this.huawei, confUUID, now, this.opts.settleMs, this.quality));
      await this.archive.saveMany([collected]);
      if (collected.meeting.settled) await this.queue.remove(confUUID);
      else await this.queue.add(confUUID, "unsettled", collected.meeting.endedAt + this.opts.settleMs);
      return null;
    } catch (error) {
      const message = (error as Error).message;
      const tries = (attempts ?? 0) + 1;
      const gone = error instanceof HuaweiApiError && NOT_FOUND_CODES.has(error.code);
      if (tries > RETRY_MS.length) {
        logger.warn({ confUUID, err: message, tries }, "archive: gave up on a meeting");
        await this.queue.remove(confUUID).catch(() => undefined);
        return message;
      }
      await this.queue.add(confUUID, "retry", now).catch(() => undefined);
      await this.queue.failed(confUUID, tries, now + RETRY_MS[tries - 1]!, message).catch(() => undefined);
      // A meeting that just ended may not be in Huawei's history yet: not worth a warning.
      logger[gone && tries < 4 ? "debug" : "warn"]({ confUUID, err: message, tries }, "archive: meeting not collected, will try again");
      return gone ? null : message;
    }
  }

  private async purge(now: number): Promise<void> {
    if (this.opts.retentionDays === null) return;
    const removed = await this.archive.purgeBefore(now - this.opts.retentionDays * 86_400_000);
    if (removed.meetings === 0) return;
    logger.info({ ...removed, retentionDays: this.opts.retentionDays }, "archive purged meetings past ARCHIVE_RETENTION_DAYS");
    await this.state.set({ lastPurge: JSON.stringify({ at: new Date(now).toISOString(), ...removed }) });
  }

  /** Upstream calls spend the archive's own share of the budget: viewers' lanes take turns with it. */
  private inLane<T>(fn: () => Promise<T>): Promise<T> {
    return runWithContext({ requestId: `archive-${this.holder}`, lane: "archive" }, fn);
  }
}
