import { HuaweiApiError } from "@/lib/huawei/errors";
import type { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import type { QosConferenceInfo } from "@/lib/huawei/quality-schemas";
import { logger } from "@/lib/logger";
import { runWithContext } from "@/lib/request-context";
import type { MeetingHealth, QualityStatus } from "@/lib/domain/quality";

/** How far back Huawei keeps quality of ended meetings (quality reference §3). */
const HISTORY_QOS_MS = 90 * 86_400_000;

export interface MeetingHealthOptions {
  /** False: never ask Huawei (QUALITY=off), for an enterprise whose edition has no quality data. */
  enabled: boolean;
  /** Huawei's metrics list is read this often (it has no push). */
  pollMs: number;
  /** While Huawei refuses quality (403), it is asked again this seldom, to notice the feature switched on. */
  refusedRetryMs: number;
  /** At most this many alarmed meetings have their people counted per read, those counted longest ago first. */
  countPerPoll: number;
  /** An alarmed meeting's count is taken again after this long, or at once when its alarms change. */
  recountMs: number;
}

/**
 * Every ongoing meeting's health from Huawei's quality alarms (quality reference §2), read once
 * for everyone on a timer, with how many people of each alarmed meeting had an alarm (§5). A 403
 * switches it off with Huawei's reason (edition, role, or the feature not switched on) and nothing
 * else breaks: meetings then carry `health: null`. The ongoing lists take each meeting's health
 * when they are read (MeetingsService), so it reaches pages within one list poll.
 */
export class MeetingHealthService {
  private readonly health = new Map<string, MeetingHealth>();
  private readonly countedAt = new Map<string, number>();
  private current: QualityStatus = { available: null, reason: null, message: null, checkedAt: null };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly api: HuaweiQualityApi,
    private readonly opts: MeetingHealthOptions,
  ) {}

  start(): void {
    if (!this.opts.enabled) {
      this.current = { available: false, reason: "switched_off", message: null, checkedAt: null };
      return;
    }
    const loop = async () => {
      // Background work: its calls spend a lane of their own of the upstream budget.
      await runWithContext({ requestId: "quality-health", lane: "quality" }, () => this.poll());
      this.timer = setTimeout(() => void loop(), this.current.reason === "forbidden" ? this.opts.refusedRetryMs : this.opts.pollMs);
    };
    void loop();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  status(): QualityStatus {
    return this.current;
  }

  /** A meeting's health as last read; null where quality cannot be had or Huawei does not list the meeting. */
  of(conferenceID: string): MeetingHealth | null {
    return this.current.available ? (this.health.get(conferenceID) ?? null) : null;
  }

  /**
   * Ended meetings' alarms from Huawei (quality reference §3: those that started in the range,
   * Huawei keeping about three months), by confUUID; empty where quality cannot be had or Huawei
   * does not answer. `affected` is not counted here (a call per meeting): the archive counts it.
   */
  async pastHealth(from: number, to: number, now = Date.now()): Promise<Map<string, MeetingHealth>> {
    if (!this.current.available) return new Map();
    const since = Math.max(from, now - HISTORY_QOS_MS);
    if (since > to) return new Map();
    const rows = await runWithContext({ requestId: "quality-history", lane: "quality" }, () => this.api.historyMeetings(since, to)).catch(() => []);
    const fetchedAt = new Date(now).toISOString();
    return new Map(rows.map((r) => [r.confUUID, { audio: r.audioAlarm, video: r.videoAlarm, screen: r.screenAlarm, cpu: r.cpuAlarm, affected: r.alarm ? null : 0, fetchedAt }]));
  }

  async poll(now = Date.now()): Promise<void> {
    let rows: QosConferenceInfo[];
    try {
      rows = await this.api.onlineMeetings();
    } catch (error) {
      this.fail(error, now);
      return;
    }
    const fetchedAt = new Date(now).toISOString();
    const byId = new Map(rows.filter((r) => r.conferenceID).map((r) => [r.conferenceID!, r]));
    for (const id of [...this.health.keys()]) if (!byId.has(id)) this.health.delete(id);
    // Counting is a call per meeting (a thousand rows for a town hall): only where it is missing, old, or the alarms moved.
    const flagsOf = (r: QosConferenceInfo) => `${r.audioAlarm}${r.videoAlarm}${r.screenAlarm}${r.cpuAlarm}`;
    const due = (r: QosConferenceInfo) => {
      const was = this.health.get(r.conferenceID!);
      const at = this.countedAt.get(r.conferenceID!);
      return at === undefined || was?.affected === null || now - at >= this.opts.recountMs || (was !== undefined && `${was.audio}${was.video}${was.screen}${was.cpu}` !== flagsOf(r));
    };
    const toCount = [...byId.values()]
      .filter((r) => r.alarm && due(r))
      .sort((a, b) => (this.countedAt.get(a.conferenceID!) ?? 0) - (this.countedAt.get(b.conferenceID!) ?? 0))
      .slice(0, this.opts.countPerPoll);
    const counts = new Map<string, number>();
    for (const r of toCount) {
      const people = await this.api.alarmedPeople(r.confUUID, "online").catch(() => null);
      if (!people) continue;
      counts.set(r.conferenceID!, new Set(people.filter((p) => p.alarm).map((p) => p.participantID)).size);
      this.countedAt.set(r.conferenceID!, now);
    }
    for (const [id, r] of byId) {
      const was = this.health.get(id);
      const affected = r.alarm ? (counts.get(id) ?? was?.affected ?? null) : 0;
      this.health.set(id, { audio: r.audioAlarm, video: r.videoAlarm, screen: r.screenAlarm, cpu: r.cpuAlarm, affected, fetchedAt });
    }
    for (const id of [...this.countedAt.keys()]) if (!byId.has(id)) this.countedAt.delete(id);
    this.current = { available: true, reason: null, message: null, checkedAt: fetchedAt };
  }

  private fail(error: unknown, now: number): void {
    const refused = error instanceof HuaweiApiError && error.status === 403;
    const checkedAt = new Date(now).toISOString();
    if (refused) {
      if (this.current.reason !== "forbidden") logger.warn({ code: error.code, message: error.upstreamMessage }, "Huawei refuses quality data: health is off");
      this.current = { available: false, reason: "forbidden", message: error.upstreamMessage || null, checkedAt };
      this.health.clear();
      return;
    }
    // A passing failure keeps what was read: each meeting's fetchedAt says how old it is.
    if (this.current.available === null) this.current = { available: false, reason: "upstream_error", message: (error as Error).message, checkedAt };
  }
}
