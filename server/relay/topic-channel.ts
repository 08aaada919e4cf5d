import type { Meeting } from "@/lib/domain/meeting";
import type { MeetingSummary, WallTopicData } from "@/lib/domain/wall";
import type { WallMeetingData } from "@/lib/domain/wall-meeting";
import type { LiveMeeting, MeetingTopicData, Participant, PatchEvent, SnapshotEvent } from "@/lib/domain/participant";
import { changedFields, PublishedRows, type RowHint } from "@/lib/live/diff";

export interface TopicRef {
  topic: "meetings" | "meeting" | "wall" | "wall-meeting";
  conferenceID?: string;
}

/** How a topic's data splits into keyed rows (sent as upserts/removes) and other fields. */
export interface TopicKind<D, R> {
  rows(data: D): readonly R[];
  id(row: R): string;
  /** Changed non-row fields, to ride along in a patch. */
  extras(prev: D, next: D): Record<string, unknown> | undefined;
}

/**
 * A meeting's fields beside its participants: `meeting` travels as its changed keys, every other
 * listed field (invitees, who is missing, speakers) whole when it changed.
 */
function meetingExtras<D extends { meeting: LiveMeeting }>(lists: readonly (keyof D)[]) {
  return (prev: D, next: D): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    const meeting = changedFields(prev.meeting, next.meeting);
    if (meeting) out.meeting = meeting;
    // The state replaces a list only when it changes: the same reference is the same list, with no need to serialise thousands of invitees per change.
    for (const key of lists) if (prev[key] !== next[key] && JSON.stringify(prev[key]) !== JSON.stringify(next[key])) out[key as string] = next[key];
    return Object.keys(out).length ? out : undefined;
  };
}

export const meetingTopic: TopicKind<MeetingTopicData, Participant> = {
  rows: (d) => d.participants,
  id: (p) => p.pid,
  extras: meetingExtras<MeetingTopicData>(["attendees", "speakers"]),
};

export const meetingsTopic: TopicKind<{ items: Meeting[] }, Meeting> = {
  rows: (d) => d.items,
  id: (m) => m.conferenceID,
  extras: () => undefined,
};

export const wallTopic: TopicKind<WallTopicData, MeetingSummary> = {
  rows: (d) => d.items,
  id: (m) => m.conferenceID,
  extras: () => undefined,
};

export const wallMeetingTopic: TopicKind<WallMeetingData, Participant> = {
  rows: (d) => d.participants,
  id: (p) => p.pid,
  extras: meetingExtras<WallMeetingData>(["missing", "speakers"]),
};

export type Outgoing = { event: "snapshot"; payload: SnapshotEvent } | { event: "patch"; payload: PatchEvent };

/**
 * The published state of one topic and its sequence number. Each change becomes a patch of only
 * what differs (one person unmuting in a 1,000-person meeting is one row); `seq` rises by one per
 * patch, so a client that misses one knows to ask for a snapshot.
 */
export class TopicChannel<D, R> {
  seq = 0;
  sourceTime = 0;
  private data?: D;
  private readonly rows: PublishedRows<R>;

  constructor(
    readonly ref: TopicRef,
    private readonly kind: TopicKind<D, R>,
  ) {
    this.rows = new PublishedRows(kind.id);
  }

  get hasData(): boolean {
    return this.data !== undefined;
  }

  /** `hint`, when the source gives one, names the only rows that can differ from the last publish. */
  publish(data: D, sourceTime: number, hint?: RowHint<R>): Outgoing | undefined {
    const prev = this.data;
    const { upserts, removes } = hint && prev !== undefined ? this.rows.apply(hint) : this.rows.diff(this.kind.rows(data));
    this.data = data;
    this.sourceTime = sourceTime;
    if (prev === undefined) {
      this.seq += 1;
      return { event: "snapshot", payload: this.snapshot()! };
    }
    const extras = this.kind.extras(prev, data);
    if (!upserts.length && !removes.length && !extras) return undefined;
    this.seq += 1;
    return { event: "patch", payload: { ...this.ref, seq: this.seq, sourceTime, upserts, removes, ...extras } };
  }

  snapshot(): SnapshotEvent | undefined {
    return this.data === undefined ? undefined : { ...this.ref, seq: this.seq, sourceTime: this.sourceTime, data: this.data };
  }

  /** Continues another instance's numbering after a takeover, so clients see no step back. */
  resumeFrom(seq: number): void {
    this.seq = Math.max(this.seq, seq);
  }
}
