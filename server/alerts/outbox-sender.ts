import type { AlertsService } from "@/lib/alerts/alerts-service";
import { toFacts } from "@/lib/alerts/alert-rows";
import { openChannel } from "@/lib/alerts/channel-secrets";
import { sendEmail } from "@/lib/alerts/email";
import { noticeWriter, type Notice } from "@/lib/alerts/notice-text";
import type { AddressPolicy } from "@/lib/alerts/outbound-address";
import { postTo, type PostLimits } from "@/lib/alerts/outbound-post";
import { messageKey, platformRequest, readAnswer, type OpenChannel, type Outcome } from "@/lib/alerts/platforms";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import type { AlertOutboxRow } from "@/lib/store/schema";
import { RateWindow } from "./rate-window";

export interface SenderOptions {
  sealKey: string;
  policy: AddressPolicy;
  limits: PostLimits;
  /** After this many failed attempts a message is marked failed. */
  maxAttempts: number;
  /** The dashboard's address as people reach it, for links to a meeting's page. */
  publicUrl: string;
  /** The first retry's wait, doubling each time up to 10 minutes. */
  retryBaseMs: number;
  /** How long a platform that said "too many" is left alone. */
  rateLimitWaitMs: number;
}

/** Backoff between attempts: the base doubling to 10 minutes, with jitter so many messages do not retry in step. */
export function retryDelay(attempts: number, baseMs: number): number {
  const base = Math.min(600_000, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/**
 * Sends what the outbox holds, on the one instance that holds the alerts lease: each channel's
 * messages due now, one by one within the platform's rate limit and combined into one summary
 * over it; each marked with the platform's answer, retried with backoff, failed after
 * maxAttempts. A message claimed by a sender that died is claimed again once its claim runs out.
 */
export class OutboxSender {
  private readonly rates = new RateWindow();

  constructor(
    private readonly alerts: AlertsService,
    private readonly opts: SenderOptions,
  ) {}

  async tick(now = Date.now()): Promise<void> {
    const claimUntil = now + this.opts.limits.timeoutMs * 2 + 5_000;
    const due = await this.alerts.outbox.claimDue(now, claimUntil, 500);
    if (!due.length) return;
    const byChannel = new Map<string, AlertOutboxRow[]>();
    for (const row of due) byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row]);
    await Promise.all([...byChannel].map(([channelId, rows]) => this.sendChannel(channelId, rows)));
  }

  private async sendChannel(channelId: string, rows: AlertOutboxRow[]): Promise<void> {
    const row = await this.alerts.channels.get(channelId);
    if (!row) return this.alerts.outbox.failed(rows.map((r) => r.id), "the channel was removed");
    let channel: OpenChannel;
    try {
      channel = await openChannel(row, this.opts.sealKey);
    } catch (error) {
      return this.alerts.outbox.failed(rows.map((r) => r.id), (error as Error).message);
    }
    const notices = await this.notices(rows);
    const free = this.rates.available(channelId, channel.kind, Date.now());
    if (free === 0) return this.alerts.outbox.retry(rows.map((r) => r.id), "waiting for the platform's rate limit", Date.now() + 1_000, false);
    if (rows.length <= free) {
      for (const [i, r] of rows.entries()) await this.send(channel, [r], [notices[i]!]);
      return;
    }
    // Over the limit: everything waiting goes as one message, none dropped.
    await this.send(channel, rows, notices);
  }

  private async notices(rows: AlertOutboxRow[]): Promise<Notice[]> {
    return Promise.all(
      rows.map(async (r): Promise<Notice> => {
        const alert = r.alertId ? await this.alerts.alerts.get(r.alertId) : undefined;
        const facts = alert ? toFacts(alert) : null;
        return { kind: r.kind as Notice["kind"], key: r.idemKey, alert: facts, link: facts ? `${this.opts.publicUrl}/meetings/${encodeURIComponent(facts.conferenceID)}` : null, at: r.createdAt };
      }),
    );
  }

  private async send(channel: OpenChannel, rows: AlertOutboxRow[], notices: Notice[]): Promise<void> {
    const ids = rows.map((r) => r.id);
    const writer = noticeWriter(channel.language);
    const text = notices.length === 1 ? writer.one(notices[0]!, channel.name) : writer.summary(notices, channel.kind, channel.name);
    let result: { outcome: Outcome; answer: string };
    // A refused address will be refused again: that is the admin's to fix, not worth retrying.
    let refused = false;
    const startedAt = Date.now();
    try {
      if (channel.kind === "email") {
        result = await sendEmail(channel, text, messageKey(notices), writer.openLine, this.opts.policy, this.opts.limits);
      } else {
        const req = platformRequest(channel, text, notices, writer.openLine);
        const answer = await postTo(req.url, req.body, req.headers, this.opts.policy, this.opts.limits);
        result = readAnswer(channel.kind, answer.status, answer.body);
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      refused = e.name === "RefusedAddressError" || e.code === "EREFUSEDADDRESS";
      result = { outcome: "retry", answer: `${e.code ?? "error"}: ${e.message}`.slice(0, 200) };
    }
    const now = Date.now();
    this.rates.record(channel.id, now);
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    logger.info({ channel: channel.id, kind: channel.kind, messages: rows.length, outcome: result.outcome, ms: now - startedAt }, "alert message sent");
    metrics().alertMessages.inc({ platform: channel.kind, outcome: result.outcome });
    switch (result.outcome) {
      case "ok":
        await this.alerts.outbox.delivered(ids, result.answer, now, rows.length > 1);
        await this.alerts.channels.delivered(channel.id, now);
        return;
      case "rate_limited":
        this.rates.block(channel.id, now + this.opts.rateLimitWaitMs);
        await this.alerts.outbox.retry(ids, result.answer, now + this.opts.rateLimitWaitMs, false);
        return;
      case "retry":
      case "rejected":
        // A refusal may be mended on the platform's side (a key renewed, an IP allowed): it is retried too.
        await this.alerts.channels.failed(channel.id, result.answer, now);
        if (refused || attempts >= this.opts.maxAttempts) await this.alerts.outbox.failed(ids, result.answer);
        else await this.alerts.outbox.retry(ids, result.answer, now + retryDelay(attempts, this.opts.retryBaseMs), true);
        return;
    }
  }
}
