import type { AlertsService } from "@/lib/alerts/alerts-service";
import { logger } from "@/lib/logger";
import { LeasesTable } from "@/lib/store/leases-table";
import type { Store } from "@/lib/store/store";
import type { SharedWallFeed } from "../relay/shared-wall-feed";
import { AlertEvaluator } from "./alert-evaluator";
import { OutboxSender, type SenderOptions } from "./outbox-sender";

export interface AlertsJobOptions extends SenderOptions {
  /** How often rules are evaluated and the outbox read. */
  tickMs: number;
  leaseTtlMs: number;
  /** Recovered alerts and their messages are kept this long. */
  retentionMs: number;
}

const LEASE = "alerts";
const PURGE_EVERY_MS = 3_600_000;

/**
 * Alerting's background work on exactly one instance of the cluster (a lease in the store, so it
 * needs no Redis): the evaluator and the outbox sender, every tickMs. Another instance takes over
 * within the lease's time when this one stops or dies, and picks up the open alerts and the
 * messages not yet sent.
 */
export class AlertsJob {
  private readonly leases: LeasesTable;
  private readonly evaluator: AlertEvaluator;
  private readonly sender: OutboxSender;
  private timer?: NodeJS.Timeout;
  private holding = false;
  private running = false;
  private stopped = false;
  private purgedAt = 0;
  private renewedAt = 0;

  constructor(
    store: Store,
    private readonly alerts: AlertsService,
    wallFeed: SharedWallFeed,
    private readonly holder: string,
    private readonly opts: AlertsJobOptions,
  ) {
    this.leases = new LeasesTable(store);
    this.evaluator = new AlertEvaluator(alerts, wallFeed, opts.publicUrl);
    this.sender = new OutboxSender(alerts, opts);
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
    this.evaluator.stop();
    if (this.holding) await this.leases.release(LEASE, this.holder).catch(() => undefined);
    this.holding = false;
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      await this.holdLease();
      if (!this.holding) return;
      const now = Date.now();
      await this.evaluator.tick(now);
      await this.sender.tick(now);
      if (now - this.purgedAt > PURGE_EVERY_MS) {
        this.purgedAt = now;
        const purged = await this.alerts.alerts.purge(now - this.opts.retentionMs);
        if (purged) logger.info({ purged }, "old alerts purged");
      }
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "alerting tick failed; trying again");
    } finally {
      this.running = false;
    }
  }

  private async holdLease(): Promise<void> {
    const now = Date.now();
    if (this.holding && now - this.renewedAt < this.opts.leaseTtlMs / 3) return;
    const held = await this.leases.acquire(LEASE, this.holder, this.opts.leaseTtlMs, now).catch(() => false);
    if (held) this.renewedAt = now;
    if (held && !this.holding) {
      await this.evaluator.start();
      logger.info({ holder: this.holder }, "this instance runs alerting (rules and outbox)");
    }
    if (!held && this.holding) {
      this.evaluator.stop();
      logger.info("another instance runs alerting now");
    }
    this.holding = held;
  }
}
