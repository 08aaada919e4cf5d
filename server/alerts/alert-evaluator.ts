import { newId } from "@/lib/alerts/alerts-service";
import type { AlertsService } from "@/lib/alerts/alerts-service";
import { toRule } from "@/lib/alerts/alert-rows";
import type { AlertsResponse, Rule } from "@/lib/alerts/alert-schemas";
import { matchesScope } from "@/lib/alerts/rule-scope";
import { canJudge, RuleEngine, type MeetingFacts, type Transition } from "@/lib/alerts/rule-engine";
import { logger } from "@/lib/logger";
import type { AlertOutboxRow } from "@/lib/store/schema";
import type { SharedWallFeed } from "../relay/shared-wall-feed";
import type { WallFacts, WallFeed } from "../relay/wall-feed";

const ms = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** A wall feed's meeting as the rules read it. */
export function toMeetingFacts(f: WallFacts): MeetingFacts {
  const { meeting: m, summary: s } = f;
  return {
    conferenceID: m.conferenceID,
    subject: m.subject,
    hostName: m.hostName,
    hostUserUUID: m.hostUserUUID,
    department: m.department,
    startTime: ms(m.startTime),
    endTime: ms(s.endTime),
    watch: f.watch,
    attention: s.attention,
    present: s.present,
    hostPresent: f.people ? f.people.some((p) => p.role === "host" || p.role === "cohost") : null,
    oldestHandAt: ms(s.oldestHandAt),
    affected: s.health ? s.health.affected : null,
    people: f.people,
  };
}

/**
 * The rules over the meetings the wall feed watches (one watcher per meeting in this process,
 * shared with walls and viewers), on the instance that holds the alerts lease: each firing,
 * reminder and recovery written to the store with its messages in one transaction.
 */
export class AlertEvaluator {
  private engine = new RuleEngine();
  private feed?: WallFeed;
  private savedAt = 0;

  constructor(
    private readonly alerts: AlertsService,
    private readonly wallFeed: SharedWallFeed,
    private readonly publicUrl: string,
  ) {}

  /** Takes over: open alerts from the store, so nothing fires twice after a failover or a restart. */
  async start(): Promise<void> {
    this.engine = new RuleEngine();
    const open = await this.alerts.alerts.firing();
    this.engine.resume(open.map((a) => ({ id: a.id, ruleId: a.ruleId, conferenceID: a.conferenceId, since: a.since, lastNotifiedAt: a.lastNotifiedAt })));
  }

  stop(): void {
    if (this.feed) this.wallFeed.release();
    this.feed = undefined;
  }

  async tick(now = Date.now()): Promise<void> {
    const rules = (await this.alerts.rules.all()).map(toRule).filter((r) => r.enabled);
    // No rules, no background watching.
    if (!rules.length) {
      this.stop();
      return this.save(now, []);
    }
    this.feed ??= this.wallFeed.acquire();
    const facts = this.feed.facts(now);
    if (!facts) return;
    const meetings = facts.map(toMeetingFacts);
    for (const t of this.engine.evaluate(rules, meetings, now)) {
      try {
        await this.apply(t, now);
      } catch (error) {
        // The store is away: the engine forgets this firing, so it fires again once the store is back.
        if (t.type === "fire") this.engine.forget(t.rule.id, t.meeting.conferenceID);
        logger.warn({ err: (error as Error).message, rule: t.rule.id, type: t.type }, "alert not recorded");
      }
    }
    await this.save(now, this.unwatched(rules, meetings));
  }

  private async apply(t: Transition, now: number): Promise<void> {
    const messages = (alertId: string, kind: string, stamp: string) =>
      t.rule.channelIds.map((channelId): AlertOutboxRow => ({ id: newId(), idemKey: `${alertId}:${kind}:${stamp}:${channelId}`, alertId, channelId, kind, state: "pending", attempts: 0, nextAttemptAt: now, claimedUntil: null, answer: null, summarized: 0, createdAt: now, deliveredAt: null }));
    if (t.type === "fire") {
      const id = newId();
      const m = t.meeting;
      const opened = await this.alerts.alerts.open(
        { id, ruleId: t.rule.id, ruleName: t.rule.name, openKey: `${t.rule.id}:${m.conferenceID}`, reason: t.rule.reason, severity: t.rule.severity, conferenceId: m.conferenceID, subject: m.subject, hostName: m.hostName, detail: JSON.stringify(t.detail), since: t.since, firedAt: now, clearedAt: null, lastNotifiedAt: t.notify ? now : null, ackedBy: null, ackedAt: null, silencedBy: null, silencedUntil: null },
        t.notify ? messages(id, "fire", "0") : [],
      );
      if (!opened) {
        // Already open (an earlier evaluator's): carry on with that one.
        const existing = (await this.alerts.alerts.firing()).find((a) => a.ruleId === t.rule.id && a.conferenceId === m.conferenceID);
        if (existing) this.engine.resume([{ id: existing.id, ruleId: existing.ruleId, conferenceID: existing.conferenceId, since: existing.since, lastNotifiedAt: existing.lastNotifiedAt }]);
        else this.engine.forget(t.rule.id, m.conferenceID);
        return;
      }
      this.engine.fired(t.rule.id, m.conferenceID, id);
      if (t.notify) this.engine.noted(t.rule.id, m.conferenceID, now);
      logger.info({ alert: id, rule: t.rule.id, reason: t.rule.reason, conferenceID: m.conferenceID, notified: t.notify }, "alert fired");
      return;
    }
    const alert = await this.alerts.alerts.get(t.alertId);
    if (!alert) return;
    const silenced = alert.silencedUntil !== null && alert.silencedUntil > now;
    if (t.type === "remind") {
      this.engine.noted(t.rule.id, t.meeting.conferenceID, now);
      if (alert.ackedAt !== null || silenced) return;
      await this.alerts.alerts.remind(alert.id, now, messages(alert.id, "remind", String(now)));
      return;
    }
    const tell = t.rule.notifyRecovery && alert.lastNotifiedAt !== null && !silenced;
    await this.alerts.alerts.recover(alert.id, now, tell ? messages(alert.id, "recover", "0") : []);
    logger.info({ alert: alert.id, rule: t.rule.id, conferenceID: t.conferenceID, ended: t.ended }, "alert recovered");
  }

  /** Meetings a rule covers that it cannot be judged for now, and why. */
  private unwatched(rules: Rule[], meetings: MeetingFacts[]): AlertsResponse["unwatched"] {
    return meetings
      .filter((m) => m.watch !== "live" && rules.some((r) => matchesScope(r, m) && !canJudge(r.reason, m.watch)))
      .map((m) => ({ conferenceID: m.conferenceID, subject: m.subject, why: m.watch as AlertsResponse["unwatched"][number]["why"] }));
  }

  /** What it saw, for the alerts page on any instance: every 5 s. */
  private async save(now: number, unwatched: AlertsResponse["unwatched"]): Promise<void> {
    if (now - this.savedAt < 5_000) return;
    this.savedAt = now;
    await this.alerts.monitor.save({ name: "evaluator", evaluatedAt: now, unwatched: JSON.stringify(unwatched) });
  }
}
