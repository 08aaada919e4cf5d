import { randomBytes } from "node:crypto";
import type { ParticipantChange } from "@/lib/domain/participant";
import type { MeetingEvent, MeetingRecorder } from "@/lib/live/live-meeting-state";
import { logger } from "@/lib/logger";
import type { MeetingEventsTable } from "@/lib/store/meeting-events-table";
import type { MeetingEventRow, MeetingLogSpanRow } from "@/lib/store/schema";

export interface RecorderOptions {
  /** How often what was seen is written (one transaction for every meeting). */
  flushMs: number;
  /** Changes held while the store is away; past this they are dropped and the time shows as a gap. */
  maxBuffered: number;
  /** The log is kept this long (REPLAY_RETENTION_DAYS); null keeps it. */
  retentionMs: number | null;
}

const PURGE_EVERY_MS = 3_600_000;
/** A participant's changes are looked for this far back (a meeting's life, at most). */
const CHANGES_SINCE_MS = 24 * 3_600_000;
/** As many as the details panel lists. */
const CHANGES_KEPT = 100;

/**
 * The replay's event log, written off the hot path: watchers hand each change to a sink that
 * only appends to an array; every flushMs one transaction writes them all and moves each open
 * span's end to now. A store that is away holds the changes (up to maxBuffered); a process that
 * dies leaves its spans ending at its last write, so the time until the next watcher began shows
 * as a gap, never as silence.
 */
export class EventRecorder {
  private buffer: MeetingEventRow[] = [];
  private readonly open = new Map<string, MeetingLogSpanRow>();
  private readonly closing = new Set<string>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private purgedAt = 0;

  constructor(
    private readonly table: MeetingEventsTable,
    private readonly opts: RecorderOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.opts.flushMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const id of this.open.keys()) this.closing.add(id);
    await this.flush();
  }

  forMeeting(conferenceID: string): MeetingRecorder {
    let spanId: string | null = null;
    const end = () => {
      if (spanId) this.closing.add(spanId);
      spanId = null;
    };
    const startSpan = (at: number) => {
      spanId = randomBytes(8).toString("hex");
      this.open.set(spanId, { spanId, conferenceId: conferenceID, fromAt: at, toAt: at });
    };
    let begun = false;
    return {
      begin: (at) => {
        end();
        begun = true;
        startSpan(at);
      },
      // After a pause the watcher's next reconciliation brings the log back to the truth, as changes.
      resume: (at) => {
        if (begun && !spanId) startSpan(at);
      },
      event: (e: MeetingEvent) => {
        if (!spanId) return;
        this.buffer.push({ conferenceId: conferenceID, at: e.at, seenAt: e.seenAt, pid: e.pid, name: e.name, field: e.field, value: JSON.stringify(e.value), initial: e.initial ? 1 : 0 });
      },
      pause: end,
      close: end,
    };
  }

  /**
   * One person's changes in a meeting, from the log: the same on every instance and across
   * restarts. What this instance saw but has not yet written is written first.
   */
  async changesOf(conferenceID: string, pid: string): Promise<ParticipantChange[]> {
    await this.flush();
    const rows = await this.table.changesOf(conferenceID, pid, Date.now() - CHANGES_SINCE_MS, CHANGES_KEPT);
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), field: r.field as ParticipantChange["field"], value: JSON.parse(r.value) as ParticipantChange["value"] }));
  }

  /** Writes what was seen; one write at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    const now = Date.now();
    const events = this.buffer;
    this.buffer = [];
    const spans = [...this.open.values()].map((s) => ({ ...s, toAt: Math.max(s.toAt, now) }));
    try {
      await this.table.append(events, spans);
      for (const s of spans) this.open.get(s.spanId)!.toAt = s.toAt;
      for (const id of this.closing) this.open.delete(id);
      this.closing.clear();
    } catch (error) {
      this.buffer = events.concat(this.buffer);
      if (this.buffer.length > this.opts.maxBuffered) {
        // Too much to hold: what was not written is lost, and shows as a gap (the spans restart now).
        logger.warn({ dropped: this.buffer.length }, "replay log: the store is away too long, changes dropped; the time shows as a gap");
        this.buffer = [];
        for (const [id, s] of this.open) this.open.set(id, { ...s, spanId: randomBytes(8).toString("hex"), fromAt: now, toAt: now });
      }
      logger.debug({ err: (error as Error).message }, "replay log not written; trying again");
      return;
    }
    if (this.opts.retentionMs !== null && now - this.purgedAt > PURGE_EVERY_MS) {
      this.purgedAt = now;
      const purged = await this.table.purge(now - this.opts.retentionMs).catch(() => 0);
      if (purged) logger.info({ purged }, "replay log purged");
    }
  }
}
