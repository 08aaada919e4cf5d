import type { AttentionReason } from "@/lib/domain/wall";
import type { AlertDetail, AlertReason, Rule } from "./alert-schemas";
import { matchesScope } from "./rule-scope";
import { inWorkingHours } from "./working-hours";

/** What the evaluator knows of an ongoing meeting at one instant. */
export interface MeetingFacts {
  conferenceID: string;
  subject: string;
  hostName: string | null;
  hostUserUUID: string | null;
  department: string | null;
  /** Epoch ms. */
  startTime: number | null;
  endTime: number | null;
  /** live: watched with every state; presence: who is there and who hosts only (no host password); otherwise why its live state is not known. */
  watch: WatchState;
  /** The wall's attention reasons, with the dashboard's thresholds. */
  attention: readonly AttentionReason[];
  present: number | null;
  hostPresent: boolean | null;
  oldestHandAt: number | null;
  /** People with a quality alarm (null where health is not known). */
  affected: number | null;
  people: readonly { pid: string; name: string }[] | null;
}

export type WatchState = "live" | "presence" | "over_limit" | "unavailable" | "stale" | "starting";

/** What each reason needs to be judged: every live state, who is present, or only the meeting list (and health). */
const NEEDS: Record<AlertReason, "flags" | "presence" | "list"> = {
  hand_waiting: "flags",
  no_host: "presence",
  started_without_host: "presence",
  quorum_leave: "presence",
  below_headcount: "presence",
  headcount_drop: "presence",
  overrun: "list",
  poor_quality: "list",
  live_data_unavailable: "list",
  live_data_stale: "list",
};

/** Whether a rule about `reason` can be judged for a meeting watched so. */
export function canJudge(reason: AlertReason, watch: WatchState): boolean {
  const need = NEEDS[reason];
  if (need === "list") return true;
  return watch === "live" || (need === "presence" && watch === "presence");
}

export type Transition =
  | { type: "fire"; rule: Rule; meeting: MeetingFacts; since: number; detail: AlertDetail; notify: boolean }
  | { type: "remind"; rule: Rule; meeting: MeetingFacts; alertId: string; detail: AlertDetail }
  | { type: "recover"; rule: Rule; conferenceID: string; alertId: string; ended: boolean };

/** An alert already open in the store, for an evaluator that takes over. */
export interface OpenAlert {
  id: string;
  ruleId: string;
  conferenceID: string;
  since: number;
  lastNotifiedAt: number | null;
}

interface Track {
  heldSince: number | null;
  accumulatedMs: number;
  lastTick: number | null;
  clearSince: number | null;
  alertId: string | null;
  /** When a message about this rule and meeting was last sent: the waiting period counts from it. */
  lastNotifiedAt: number | null;
  /** quorum_leave: who left and has not come back. */
  missing: Map<string, string>;
}

interface MeetingMemory {
  firstSeen: number;
  hostSeen: boolean;
  people: Map<string, string> | null;
}

/** A meeting's host has not joined this long after its start (started_without_host's default). */
export const DEFAULT_NO_HOST_AFTER_MS = 300_000;
/** started_without_host is only told of meetings watched from (about) their start: a later watcher cannot know. */
const WATCHED_FROM_START_MS = 120_000;
const key = (ruleId: string, conferenceID: string) => `${ruleId}:${conferenceID}`;

/**
 * The rules over the meetings, tick by tick: for each rule and meeting, whether its condition
 * holds, for how long (continuously or in all), and what changes: an alert fires, is reminded
 * of, or recovers once clear for the rule's recovery time. Pure: the caller records and sends.
 * A condition that cannot be judged (no live data) changes nothing: neither fires nor recovers.
 */
export class RuleEngine {
  private readonly tracks = new Map<string, Track>();
  private readonly meetings = new Map<string, MeetingMemory>();

  /** Takes over alerts an earlier evaluator left open, so none fires twice. */
  resume(open: readonly OpenAlert[]): void {
    for (const a of open) {
      const t = this.track(a.ruleId, a.conferenceID);
      t.alertId = a.id;
      t.heldSince = a.since;
      t.lastNotifiedAt = a.lastNotifiedAt;
    }
  }

  /** Marks a message sent (or a reminder decided against): the waiting period starts again. */
  noted(ruleId: string, conferenceID: string, at: number): void {
    this.track(ruleId, conferenceID).lastNotifiedAt = at;
  }

  /** The alert the store refused (already open elsewhere): forget it here. */
  forget(ruleId: string, conferenceID: string): void {
    this.tracks.delete(key(ruleId, conferenceID));
  }

  /** Sets the ID of an alert just fired. */
  fired(ruleId: string, conferenceID: string, alertId: string): void {
    this.track(ruleId, conferenceID).alertId = alertId;
  }

  evaluate(rules: readonly Rule[], meetings: readonly MeetingFacts[], now: number): Transition[] {
    const out: Transition[] = [];
    const present = new Set(meetings.map((m) => m.conferenceID));
    const leftBy = new Map<string, Map<string, string>>();
    for (const m of meetings) leftBy.set(m.conferenceID, this.observe(m, now));
    for (const rule of rules) {
      if (!rule.enabled) continue;
      for (const m of meetings) {
        if (!matchesScope(rule, m)) continue;
        const t = this.track(rule.id, m.conferenceID);
        const detail = this.condition(rule, m, t, leftBy.get(m.conferenceID)!, now);
        if (detail === "unknown") {
          t.lastTick = null;
          continue;
        }
        const transition = this.step(rule, m, t, detail, now);
        if (transition) out.push(transition);
      }
    }
    // Meetings that ended: their open alerts recover, and what was kept of them goes.
    for (const [k, t] of this.tracks) {
      const [ruleId, conferenceID] = splitKey(k);
      if (present.has(conferenceID)) continue;
      const rule = rules.find((r) => r.id === ruleId);
      if (t.alertId && rule) out.push({ type: "recover", rule, conferenceID, alertId: t.alertId, ended: true });
      this.tracks.delete(k);
    }
    for (const id of [...this.meetings.keys()]) if (!present.has(id)) this.meetings.delete(id);
    // Rules deleted: their state goes (their open alerts were closed by whoever deleted them).
    const ruleIds = new Set(rules.map((r) => r.id));
    for (const k of [...this.tracks.keys()]) if (!ruleIds.has(splitKey(k)[0])) this.tracks.delete(k);
    return out;
  }

  private step(rule: Rule, m: MeetingFacts, t: Track, detail: AlertDetail | null, now: number): Transition | null {
    const held = detail !== null;
    if (held) {
      t.clearSince = null;
      t.heldSince ??= now;
      if (t.lastTick !== null) t.accumulatedMs += now - t.lastTick;
      t.lastTick = now;
      if (t.alertId) {
        // A reminder once the waiting period is over; an alert that fired out of working hours is told when they begin.
        const hoursNow = !rule.workingHours || inWorkingHours(rule.workingHours, now);
        const due = t.lastNotifiedAt === null ? hoursNow : rule.waitMs > 0 && now - t.lastNotifiedAt >= rule.waitMs && hoursNow;
        return due ? { type: "remind", rule, meeting: m, alertId: t.alertId, detail } : null;
      }
      const ready = rule.windowMode === "accumulated" ? t.accumulatedMs >= rule.windowMs : now - t.heldSince >= rule.windowMs;
      if (!ready) return null;
      const waited = t.lastNotifiedAt === null || now - t.lastNotifiedAt >= rule.waitMs;
      const hours = !rule.workingHours || inWorkingHours(rule.workingHours, now);
      return { type: "fire", rule, meeting: m, since: t.heldSince, detail, notify: waited && hours };
    }
    t.lastTick = null;
    t.heldSince = null;
    if (!t.alertId) return null;
    t.clearSince ??= now;
    if (now - t.clearSince < rule.recoveryMs) return null;
    const alertId = t.alertId;
    t.alertId = null;
    t.clearSince = null;
    return { type: "recover", rule, conferenceID: m.conferenceID, alertId, ended: false };
  }

  /** Whether the rule's condition holds now (with what was seen), does not, or cannot be judged. */
  private condition(rule: Rule, m: MeetingFacts, t: Track, left: Map<string, string>, now: number): AlertDetail | null | "unknown" {
    if (rule.reason === "live_data_unavailable") return m.watch === "unavailable" || m.watch === "presence" ? { key: "unavailable", values: {} } : m.watch === "live" ? null : "unknown";
    if (rule.reason === "live_data_stale") return m.watch === "stale" ? { key: "stale", values: {} } : m.watch === "live" || m.watch === "presence" ? null : "unknown";
    if (!canJudge(rule.reason, m.watch)) return "unknown";
    const present = m.present ?? 0;
    switch (rule.reason) {
      case "no_host":
        return m.hostPresent === null ? "unknown" : m.hostPresent ? null : { key: "noHost", values: {} };
      case "started_without_host": {
        const memory = this.meetings.get(m.conferenceID)!;
        if (m.startTime === null || m.hostPresent === null || memory.firstSeen - m.startTime > WATCHED_FROM_START_MS) return "unknown";
        const late = now - m.startTime >= (rule.threshold ?? DEFAULT_NO_HOST_AFTER_MS);
        return !memory.hostSeen && late ? { key: "neverHost", values: {} } : null;
      }
      case "hand_waiting": {
        if (rule.threshold === null) return m.attention.includes("hand_waiting") && m.oldestHandAt !== null ? { key: "handWaiting", values: { durationMs: now - m.oldestHandAt } } : null;
        return m.oldestHandAt !== null && now - m.oldestHandAt >= rule.threshold ? { key: "handWaiting", values: { durationMs: now - m.oldestHandAt } } : null;
      }
      case "overrun":
        return m.attention.includes("overrun") && m.endTime !== null ? { key: "overrun", values: { atMs: m.endTime } } : null;
      case "headcount_drop":
        return m.attention.includes("headcount_drop") ? { key: "drop", values: { present } } : null;
      case "poor_quality": {
        if (m.affected === null) return "unknown";
        const enough = rule.threshold === null ? m.attention.includes("poor_quality") : m.affected >= rule.threshold;
        return enough ? { key: "poorQuality", values: { affected: m.affected } } : null;
      }
      case "below_headcount":
        return m.present === null ? "unknown" : present < (rule.threshold ?? 1) ? { key: "belowHeadcount", values: { present, threshold: rule.threshold ?? 1 } } : null;
      case "quorum_leave": {
        if (!m.people) return "unknown";
        for (const [pid, name] of left) t.missing.set(pid, name);
        const here = new Set(m.people.map((p) => p.pid));
        for (const pid of [...t.missing.keys()]) if (here.has(pid)) t.missing.delete(pid);
        if (!t.missing.size) return null;
        if (rule.threshold !== null && present >= rule.threshold) return null;
        const names = [...t.missing.values()].slice(0, 20).join(", ");
        return rule.threshold === null ? { key: "left", values: { names } } : { key: "leftBelow", values: { names, present, threshold: rule.threshold } };
      }
    }
  }

  /** Remembers a meeting's people and whether its host was ever seen; returns who left since the last tick. */
  private observe(m: MeetingFacts, now: number): Map<string, string> {
    let memory = this.meetings.get(m.conferenceID);
    if (!memory) {
      memory = { firstSeen: now, hostSeen: false, people: null };
      this.meetings.set(m.conferenceID, memory);
    }
    if (m.hostPresent) memory.hostSeen = true;
    const left = new Map<string, string>();
    if (!m.people) return left;
    const current = new Map(m.people.map((p) => [p.pid, p.name]));
    if (memory.people) for (const [pid, name] of memory.people) if (!current.has(pid)) left.set(pid, name);
    memory.people = current;
    return left;
  }

  private track(ruleId: string, conferenceID: string): Track {
    const k = key(ruleId, conferenceID);
    let t = this.tracks.get(k);
    if (!t) {
      t = { heldSince: null, accumulatedMs: 0, lastTick: null, clearSince: null, alertId: null, lastNotifiedAt: null, missing: new Map() };
      this.tracks.set(k, t);
    }
    return t;
  }
}

function splitKey(k: string): [string, string] {
  const at = k.indexOf(":");
  return [k.slice(0, at), k.slice(at + 1)];
}
