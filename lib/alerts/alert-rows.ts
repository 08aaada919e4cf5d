import type { AlertChannelRow, AlertOutboxRow, AlertRow, AlertRuleRow } from "@/lib/store/schema";
import { alertDetailSchema, alertReasonSchema, ruleSchema, severitySchema, type Alert, type Channel, type Delivery, type Rule } from "./alert-schemas";
import type { AlertFacts } from "./notice-text";

/** Store rows as the API and the sender see them. */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toChannel(row: AlertChannelRow, showTarget: boolean): Channel {
  const recipients = JSON.parse(row.recipients) as { to: string[] };
  return {
    id: row.id,
    kind: row.kind as Channel["kind"],
    name: row.name,
    target: showTarget ? row.target : "",
    language: row.language as Channel["language"],
    mentions: showTarget ? (JSON.parse(row.mentions) as string[]) : [],
    to: showTarget ? recipients.to : [],
    hasSecret: row.hasSecret === 1,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    failingSince: iso(row.failingSince),
    lastError: row.lastError,
    lastDeliveredAt: iso(row.lastDeliveredAt),
  };
}

export function toRule(row: AlertRuleRow): Rule {
  return ruleSchema.parse({ ...(JSON.parse(row.body) as object), id: row.id, owner: row.owner, createdAt: row.createdAt });
}

export function toFacts(row: AlertRow): AlertFacts {
  return {
    id: row.id,
    ruleName: row.ruleName,
    reason: alertReasonSchema.parse(row.reason),
    severity: severitySchema.parse(row.severity),
    conferenceID: row.conferenceId,
    subject: row.subject,
    hostName: row.hostName,
    detail: alertDetailSchema.parse(JSON.parse(row.detail)),
    since: row.since,
    firedAt: row.firedAt,
    clearedAt: row.clearedAt,
  };
}

export function toDelivery(row: AlertOutboxRow, channelName: string): Delivery {
  return {
    id: row.id,
    channelId: row.channelId,
    channelName,
    kind: row.kind as Delivery["kind"],
    state: row.state as Delivery["state"],
    attempts: row.attempts,
    answer: row.answer,
    summarized: row.summarized === 1,
    createdAt: new Date(row.createdAt).toISOString(),
    deliveredAt: iso(row.deliveredAt),
  };
}

export function toAlert(row: AlertRow, deliveries: Delivery[]): Alert {
  const f = toFacts(row);
  return {
    id: f.id,
    ruleId: row.ruleId,
    ruleName: f.ruleName,
    reason: f.reason,
    severity: f.severity,
    conferenceID: f.conferenceID,
    subject: f.subject,
    hostName: f.hostName,
    detail: f.detail,
    firedAt: iso(row.firedAt)!,
    clearedAt: iso(row.clearedAt),
    ackedBy: row.ackedBy,
    ackedAt: iso(row.ackedAt),
    silencedBy: row.silencedBy,
    silencedUntil: iso(row.silencedUntil),
    deliveries,
  };
}
