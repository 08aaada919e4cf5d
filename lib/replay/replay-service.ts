import { HttpError } from "@/lib/api/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { ReplayEvent, ReplayEventsResponse, ReplayResponse } from "@/lib/domain/replay";
import type { HuaweiClient } from "@/lib/huawei/client";
import { archiveAccess } from "@/lib/history/history-service";
import type { MeetingsService } from "@/lib/meetings/meetings-service";
import { callerFor } from "@/lib/meetings/viewer-scope";
import type { ArchiveTable } from "@/lib/store/archive-table";
import { MeetingEventsTable } from "@/lib/store/meeting-events-table";
import type { AttendanceRecordRow, ControlRecordRow, MeetingEventRow } from "@/lib/store/schema";
import type { Store } from "@/lib/store/store";
import { recordsLog } from "./records-log";
import { gapsOf, isoGaps, stateAt, type TimedChange } from "./replay-state";

const iso = (ms: number) => new Date(ms).toISOString();

/** An entry of the log: as kept, or rebuilt from Huawei's records (then with who did it, where they say). */
type LogRow = MeetingEventRow & { by?: string };

/** Huawei's records of a past meeting: who attended, and what its hosts did (read only where the log has gaps). */
interface Records {
  attendance: AttendanceRecordRow[];
  controls: () => Promise<ControlRecordRow[]>;
}

interface Log {
  conferenceID: string;
  from: number;
  to: number;
  events: LogRow[];
  gaps: { from: number; to: number }[];
  /** Where there are gaps in a past meeting's log: the log rebuilt from its records, for instants inside them. */
  gapEvents: LogRow[];
  completeness: ReplayResponse["completeness"];
}

/**
 * A meeting's replay: the state at an instant rebuilt from the log the relay kept (live-watched,
 * with gaps where it was not), or, for a past meeting nobody watched, from Huawei's attendee and
 * control records (presence, and the mutes, roles and lock its hosts set). Admins see every
 * meeting's; a host the meetings they host; walls none.
 */
export class ReplayService {
  private readonly log: MeetingEventsTable;

  constructor(
    store: Store,
    private readonly archive: ArchiveTable,
    private readonly huawei: HuaweiClient,
    private readonly meetings: MeetingsService,
  ) {
    this.log = new MeetingEventsTable(store);
  }

  /** A meeting going on, at `at` (default now). */
  async live(viewer: Viewer, conferenceID: string, at: number | undefined): Promise<ReplayResponse> {
    const { value } = await this.meetings.detail(viewer, conferenceID);
    await this.mayReplay(viewer, value.meeting.hostUserUUID);
    const now = Date.now();
    const from = value.meeting.startTime ? Date.parse(value.meeting.startTime) : now;
    const log = await this.read(conferenceID, from, now, null);
    return this.at(log, clamp(at ?? now, from, now));
  }

  /** A meeting that ended, from the archive. */
  async past(viewer: Viewer, confUUID: string, at: number | undefined): Promise<ReplayResponse> {
    const { meeting, records } = await this.archived(viewer, confUUID);
    const log = await this.read(meeting.conferenceId, meeting.startedAt, meeting.endedAt, records);
    return this.at(log, clamp(at ?? meeting.startedAt, meeting.startedAt, meeting.endedAt));
  }

  /** A past meeting's log between two instants (default all of it). */
  async events(viewer: Viewer, confUUID: string, from: number | undefined, to: number | undefined): Promise<ReplayEventsResponse> {
    const { meeting, records } = await this.archived(viewer, confUUID);
    const log = await this.read(meeting.conferenceId, meeting.startedAt, meeting.endedAt, records);
    return toEvents(log, confUUID, meeting.subject, from, to);
  }

  /** A meeting going on: its log so far. */
  async liveEvents(viewer: Viewer, conferenceID: string): Promise<ReplayEventsResponse> {
    const { value } = await this.meetings.detail(viewer, conferenceID);
    await this.mayReplay(viewer, value.meeting.hostUserUUID);
    const now = Date.now();
    const log = await this.read(conferenceID, value.meeting.startTime ? Date.parse(value.meeting.startTime) : now, now, null);
    return toEvents(log, null, value.meeting.subject, undefined, undefined);
  }

  private async archived(viewer: Viewer, confUUID: string) {
    if (viewer.role === "wall") throw new HttpError(403, "forbidden", "A wall display does not replay meetings.");
    const found = await this.archive.meeting(confUUID, await archiveAccess(this.huawei, viewer));
    if (!found) throw new HttpError(404, "not_found", "No such past meeting in the archive, or it is not yours.");
    await this.mayReplay(viewer, found.meeting.schedulerUuid);
    return { meeting: found.meeting, records: { attendance: found.records, controls: () => this.archive.controls(confUUID) } };
  }

  /** Admins replay any meeting; a host only those Huawei names them host of. */
  private async mayReplay(viewer: Viewer, hostUserUUID: string | null): Promise<void> {
    if (viewer.role === "admin") return;
    if (viewer.role === "host") {
      const own = await this.huawei.ownUserUUID(callerFor(viewer)).catch(() => undefined);
      if (own && own === hostUserUUID) return;
    }
    throw new HttpError(403, "forbidden", "Only admins and the meeting's host may replay it.");
  }

  private async read(conferenceID: string, from: number, to: number, records: Records | null): Promise<Log> {
    const [events, spans] = await Promise.all([this.log.between(conferenceID, from, to), this.log.spans(conferenceID, from, to)]);
    if (!spans.length) {
      // Nobody watched: a past meeting replays from its records; an ongoing one has none yet (one gap).
      if (records) return { conferenceID, from, to, events: await fromRecords(records), gaps: [], gapEvents: [], completeness: "records" };
      return { conferenceID, from, to, events: [], gaps: [{ from, to }], gapEvents: [], completeness: "partial" };
    }
    const gaps = gapsOf(spans, from, to);
    const gapEvents = gaps.length && records ? await fromRecords(records) : [];
    return { conferenceID, from, to, events, gaps, gapEvents, completeness: gaps.length ? "partial" : "live" };
  }

  private at(log: Log, at: number): ReplayResponse {
    const inGap = log.gaps.some((g) => at >= g.from && at < g.to);
    // Inside a gap Huawei's records know more than the last look before it did.
    const moment = stateAt((inGap && log.gapEvents.length ? log.gapEvents : log.events).map(timed), at);
    const participants = moment.participants;
    participants.sort((a, b) => a.name.localeCompare(b.name));
    return {
      at: iso(at),
      completeness: log.completeness,
      gaps: isoGaps(log.gaps),
      inGap,
      locked: moment.locked,
      from: iso(log.from),
      to: iso(log.to),
      participants,
    };
  }
}

function toEvents(log: Log, confUUID: string | null, subject: string, from: number | undefined, to: number | undefined): ReplayEventsResponse {
  const lo = from ?? log.from;
  const hi = to ?? log.to;
  const entries = (rows: LogRow[]): ReplayEvent[] =>
    rows
      .filter((e) => e.at >= lo && e.at <= hi)
      .map((e) => ({
        at: iso(e.at),
        seenAt: iso(e.seenAt),
        pid: e.pid,
        name: e.name,
        field: e.field as ReplayEvent["field"],
        value: JSON.parse(e.value) as ReplayEvent["value"],
        ...(e.by ? { by: e.by } : {}),
        initial: e.initial === 1,
      }));
  return {
    confUUID,
    conferenceID: log.conferenceID,
    subject,
    from: iso(log.from),
    to: iso(log.to),
    completeness: log.completeness,
    gaps: isoGaps(log.gaps),
    events: entries(log.events),
    gapEvents: entries(log.gapEvents),
  };
}

const timed = (e: MeetingEventRow): TimedChange => ({ at: e.at, pid: e.pid, name: e.name, field: e.field, value: JSON.parse(e.value) as TimedChange["value"] });

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A meeting nobody watched: its log rebuilt from the records (seen when Huawei says it happened). */
const fromRecords = async (records: Records): Promise<LogRow[]> =>
  recordsLog(records.attendance, await records.controls()).map((e) => ({ conferenceId: "", seenAt: e.at, initial: 0, ...e }));
