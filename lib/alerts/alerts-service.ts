import { randomBytes } from "node:crypto";
import { HttpError } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { HuaweiClient } from "@/lib/huawei/client";
import { AlertChannelsTable } from "@/lib/store/alert-channels-table";
import { AlertMonitorTable } from "@/lib/store/alert-monitor-table";
import { AlertOutboxTable } from "@/lib/store/alert-outbox-table";
import { AlertRulesTable } from "@/lib/store/alert-rules-table";
import { AlertsTable } from "@/lib/store/alerts-table";
import type { AlertRow } from "@/lib/store/schema";
import type { Store } from "@/lib/store/store";
import { toAlert, toChannel, toDelivery, toRule } from "./alert-rows";
import { HOST_REASONS, type AlertReason, type AlertsResponse, type Channel, type Delivery, type NewChannel, type NewRule, type Rule, type Severity } from "./alert-schemas";
import { sealChannel } from "./channel-secrets";
import { isLoopbackHost } from "./outbound-address";

export const newId = () => randomBytes(8).toString("hex");

/** Defaults of a rule where its maker says nothing (README: "Rules"). */
export const RULE_DEFAULTS = { windowMs: 0, windowMode: "continuous", waitMs: 1_800_000, recoveryMs: 60_000, notifyRecovery: true } as const;

const DEFAULT_SEVERITY: Record<AlertReason, Severity> = {
  no_host: "critical",
  started_without_host: "critical",
  quorum_leave: "critical",
  headcount_drop: "warning",
  below_headcount: "warning",
  hand_waiting: "warning",
  poor_quality: "warning",
  overrun: "info",
  live_data_unavailable: "info",
  live_data_stale: "warning",
};

/** How long "send a test" waits for the platform's answer before saying it is still on its way. */
const TEST_WAIT_MS = 15_000;
const RECENT = 50;

/**
 * Alerting as the routes see it: channels (admins only), rules (admins for everything, hosts for
 * their own meetings), alerts with each message's delivery, acknowledging and silencing.
 */
export class AlertsService {
  readonly channels: AlertChannelsTable;
  readonly rules: AlertRulesTable;
  readonly alerts: AlertsTable;
  readonly outbox: AlertOutboxTable;
  readonly monitor: AlertMonitorTable;

  constructor(
    store: Store,
    private readonly huawei: HuaweiClient,
    /** The key channel settings are sealed with (the session secret). */
    private readonly sealKey: string,
  ) {
    this.channels = new AlertChannelsTable(store);
    this.rules = new AlertRulesTable(store);
    this.alerts = new AlertsTable(store);
    this.outbox = new AlertOutboxTable(store);
    this.monitor = new AlertMonitorTable(store);
  }

  /** A new channel; a webhook given no secret gets one, told in this answer only. */
  async createChannel(input: NewChannel, viewer: Viewer): Promise<{ id: string; secret?: string }> {
    const url = new URL(input.url);
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      throw new HttpError(400, "invalid_request", "url: plain http is only for a loopback host (localhost, 127.0.0.1, ::1); use https");
    }
    const generated = input.kind === "webhook" && !input.secret ? randomBytes(32).toString("base64url") : undefined;
    const secret = input.secret ?? generated ?? null;
    const id = newId();
    await this.channels.insert({
      id,
      kind: input.kind,
      name: input.name,
      sealed: await sealChannel(input.url, secret, this.sealKey),
      target: url.protocol.startsWith("smtp") ? `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ""}` : url.origin,
      language: input.language,
      mentions: JSON.stringify(input.mentions ?? []),
      recipients: JSON.stringify({ to: input.to ?? [], from: input.from ?? null }),
      hasSecret: secret ? 1 : 0,
      createdAt: new Date().toISOString(),
      createdBy: viewer.username,
      failingSince: null,
      lastError: null,
      lastDeliveredAt: null,
    });
    return generated ? { id, secret: generated } : { id };
  }

  /** Every channel: admins see where each sends (its origin) and to whom; hosts only what to pick. */
  async listChannels(viewer: Viewer): Promise<Channel[]> {
    return (await this.channels.all()).map((row) => toChannel(row, viewer.role === "admin"));
  }

  async removeChannel(id: string): Promise<void> {
    if (!(await this.channels.remove(id))) throw new HttpError(404, "not_found", "No such channel.");
  }

  /** Writes a test message to the outbox and waits (a while) for the sender's answer. */
  async testChannel(id: string): Promise<Delivery> {
    const channel = await this.channels.get(id);
    if (!channel) throw new HttpError(404, "not_found", "No such channel.");
    const rowId = newId();
    const now = Date.now();
    await this.outbox.insert([{ id: rowId, idemKey: `test:${rowId}`, alertId: null, channelId: id, kind: "test", state: "pending", attempts: 0, nextAttemptAt: now, claimedUntil: null, answer: null, summarized: 0, createdAt: now, deliveredAt: null }]);
    const until = Date.now() + TEST_WAIT_MS;
    for (;;) {
      const row = await this.outbox.get(rowId);
      if (row && (row.state === "delivered" || row.state === "failed" || (row.attempts > 0 && row.state === "pending") || Date.now() > until)) return toDelivery(row, channel.name);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async createRule(input: NewRule, viewer: Viewer): Promise<{ id: string }> {
    if (viewer.role === "host" && !HOST_REASONS.includes(input.reason)) {
      throw new HttpError(403, "forbidden", `A host may make rules for their own meetings about: ${HOST_REASONS.join(", ")}.`);
    }
    if (input.reason === "below_headcount" && !input.threshold) throw new HttpError(400, "invalid_request", "threshold: below_headcount needs the head count it watches for");
    const known = new Set((await this.channels.all()).map((c) => c.id));
    const missing = input.channelIds.filter((c) => !known.has(c));
    if (missing.length) throw new HttpError(400, "invalid_request", `channelIds: no such channel ${missing.join(", ")}`);
    let ownerUserUUID: string | null = null;
    if (viewer.role === "host") {
      ownerUserUUID = viewer.huaweiUserId ? ((await this.huawei.ownUserUUID({ huaweiUserId: viewer.huaweiUserId })) ?? null) : null;
      if (!ownerUserUUID) throw new HttpError(409, "no_huawei_user", "This account is not linked to a Huawei user, so it hosts no meetings to alert on.");
    }
    const id = newId();
    const body: Omit<Rule, "id" | "owner" | "createdAt"> = {
      ...RULE_DEFAULTS,
      ...input,
      name: input.name ?? input.reason,
      scope: input.scope ?? {},
      threshold: input.threshold ?? null,
      workingHours: input.workingHours ?? null,
      severity: input.severity ?? DEFAULT_SEVERITY[input.reason],
      ownerRole: viewer.role === "host" ? "host" : "admin",
      ownerUserUUID,
      enabled: true,
    };
    await this.rules.insert({ id, owner: viewer.username, body: JSON.stringify(body), createdAt: new Date().toISOString() });
    return { id };
  }

  async listRules(viewer: Viewer): Promise<Rule[]> {
    const all = (await this.rules.all()).map(toRule);
    return viewer.role === "admin" ? all : all.filter((r) => r.owner === viewer.username);
  }

  /** Deletes a rule (an admin any, a host their own); its firing alerts close without a message. */
  async removeRule(id: string, viewer: Viewer): Promise<void> {
    const row = await this.rules.get(id);
    if (!row || (viewer.role !== "admin" && row.owner !== viewer.username)) throw new HttpError(404, "not_found", "No such rule.");
    await this.rules.remove(id);
    for (const a of await this.alerts.firing()) if (a.ruleId === id) await this.alerts.recover(a.id, Date.now(), []);
  }

  async list(viewer: Viewer): Promise<AlertsResponse> {
    const [firing, recent, monitor] = await Promise.all([this.alerts.firing(), viewer.role === "wall" ? [] : this.alerts.recent(RECENT), this.monitor.get("evaluator")]);
    const mine = await this.visibleRules(viewer);
    const visible = (a: AlertRow) => mine === "all" || mine.has(a.ruleId);
    const rows = [...firing.filter(visible), ...recent.filter(visible)];
    const names = new Map((await this.channels.all()).map((c) => [c.id, c.name]));
    const messages = viewer.role === "wall" ? [] : await this.alerts.messagesOf(rows.map((r) => r.id));
    const byAlert = new Map<string, Delivery[]>();
    for (const m of messages) {
      const list = byAlert.get(m.alertId!) ?? [];
      list.push(toDelivery(m, names.get(m.channelId) ?? "—"));
      byAlert.set(m.alertId!, list);
    }
    const unwatched = monitor && viewer.role !== "wall" ? (JSON.parse(monitor.unwatched) as AlertsResponse["unwatched"]) : [];
    return {
      firing: firing.filter(visible).map((a) => toAlert(a, byAlert.get(a.id) ?? [])),
      recent: recent.filter(visible).map((a) => toAlert(a, byAlert.get(a.id) ?? [])),
      unwatched,
      evaluatedAt: monitor ? new Date(monitor.evaluatedAt).toISOString() : null,
    };
  }

  async acknowledge(id: string, viewer: Viewer): Promise<void> {
    await this.mayAct(id, viewer);
    await this.alerts.ack(id, viewer.username, Date.now());
  }

  async silence(id: string, minutes: number, viewer: Viewer): Promise<void> {
    await this.mayAct(id, viewer);
    await this.alerts.silence(id, viewer.username, Date.now() + minutes * 60_000);
  }

  /** Channels that keep failing, and messages waiting: for health. */
  async deliveryHealth(): Promise<{ failingChannels: number; backlog: number }> {
    const [channels, backlog] = await Promise.all([this.channels.all(), this.outbox.backlog()]);
    return { failingChannels: channels.filter((c) => c.failingSince !== null).length, backlog };
  }

  private async visibleRules(viewer: Viewer): Promise<"all" | Set<string>> {
    if (viewer.role !== "host") return "all";
    return new Set((await this.listRules(viewer)).map((r) => r.id));
  }

  private async mayAct(id: string, viewer: Viewer): Promise<void> {
    const alert = await this.alerts.get(id);
    const mine = alert && (await this.visibleRules(viewer));
    if (!alert || !mine || (mine !== "all" && !mine.has(alert.ruleId))) throw new HttpError(404, "not_found", "No such alert.");
  }
}
