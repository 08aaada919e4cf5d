import type { Attendee } from "@/lib/domain/meeting";
import type { LiveMeeting, MeetingTopicData, Participant, ParticipantChange } from "@/lib/domain/participant";
import { MEETING_PID, type LogField } from "@/lib/domain/replay";
import { qualityFromNetCondition, type ParticipantQuality } from "@/lib/domain/quality";
import type { RowHint } from "./diff";
import type { HandMemory, HandUp } from "./hand-memory";
import type { AttendeesNotify, ParticipantsNotify, PushFrame, RealTimeInfo } from "@/lib/huawei/control-schemas";
import type { OnlineAttendee } from "@/lib/huawei/schemas";

type Pinfo = Record<string, string>;

const ROLE: Record<string, Participant["role"]> = { "1": "host", "2": "audience" };
const STATE: Record<string, Participant["state"]> = { "0": "in-meeting", "1": "calling", "2": "joining" };
const iso = (ms: number) => new Date(ms).toISOString();
const flag = (v: number | null | undefined) => (v === 1 ? "1" : "0");

/**
 * One meeting as its push frames and realTimeInfo describe it. Participants are kept as Huawei's
 * raw string maps, because increments carry only the keys that changed (and role needs ROLE and
 * IS_COHOST together); `snapshot()` maps them to the dashboard's Participant.
 */
/** One change as the replay's log keeps it: Huawei's time (a frame's createTime, else when seen) and when it was seen. */
export interface MeetingEvent {
  at: number;
  seenAt: number;
  pid: string;
  name: string;
  field: LogField;
  value: ParticipantChange["value"];
  /** The state as found (watching began, or a joiner's flags), not a change. */
  initial: boolean;
}

/** Where a meeting's changes are kept. `begin`: watching (re)started at `at`; the state as it is follows as events. */
export interface MeetingEventSink {
  begin(at: number): void;
  event(e: MeetingEvent): void;
}

/** A meeting's sink as its watcher drives it: paused while it cannot see the meeting (a gap), resumed when it can, closed when it stops. */
export interface MeetingRecorder extends MeetingEventSink {
  pause(): void;
  resume(at: number): void;
  close(): void;
}

export class LiveMeetingState {
  private readonly pinfo = new Map<string, Pinfo>();
  private readonly handSince = new Map<string, HandUp>();
  private readonly quality = new Map<string, ParticipantQuality>();
  /** When the first whole participant list arrived (a full frame or realTimeInfo); null before. */
  private watchStartedAt: number | null = null;
  private readonly mapped = new Map<string, Participant>();
  /** Participants whose row changed or went since `takeChanges` was last asked. */
  private dirty = new Set<string>();
  /** How many times a row changed or went, ever: whether something changed across a call, whatever was published between. */
  private rowChanges = 0;
  private attendees: Attendee[] = [];
  private speakers: string[] = [];
  /** What changed for each participant since watching began, newest last, bounded per person. */
  private readonly changes = new Map<string, ParticipantChange[]>();
  meeting: LiveMeeting;
  /** `createTime` of the newest upstream frame (ms), or the time of the last poll. */
  sourceTime = 0;
  /** Where each change goes to be kept (the replay's event log); none: not kept. */
  events?: MeetingEventSink;
  /** Huawei's time of what is being applied (a frame's createTime), else when it was seen. */
  private eventTime = 0;

  /** `hands`: raised hands seen by earlier watchers of this meeting in this process, so their waiting goes on. */
  constructor(conferenceID: string, base?: Partial<LiveMeeting>, private readonly hands?: HandMemory) {
    this.meeting = { conferenceID, subject: null, hostName: null, startTime: null, endTime: null, state: "ongoing", locked: false, recording: false, coverage: "full", ...base };
  }

  /** Applies a push frame; returns false for frames of no interest. */
  apply(frame: PushFrame, now = Date.now()): boolean {
    this.sourceTime = Math.max(this.sourceTime, frame.createTime ?? now);
    this.eventTime = frame.createTime ?? now;
    switch (frame.action) {
      case "ParticipantsNotify":
        this.covers("full");
        this.applyParticipants(frame, now);
        if ((frame.msgMode ?? 0) === 0) this.begin(now);
        return true;
      case "AttendeesNotify":
        this.applyAttendees(frame);
        return true;
      case "ConfBasicInfoNotify":
        this.meeting = {
          ...this.meeting,
          subject: frame.title ?? this.meeting.subject,
          hostName: frame.owner ?? this.meeting.hostName,
          startTime: frame.startTime && /^\d+$/.test(frame.startTime) ? iso(Number(frame.startTime)) : this.meeting.startTime,
        };
        return true;
      case "ConfDynamicInfoNotify": {
        const wasLocked = this.meeting.locked;
        this.meeting = {
          ...this.meeting,
          state: frame.state === "Destroyed" ? "ended" : this.meeting.state,
          endTime: frame.endTime && /^\d+$/.test(frame.endTime) ? iso(Number(frame.endTime)) : this.meeting.endTime,
          locked: frame.lock === undefined || frame.lock === null ? this.meeting.locked : frame.lock === 1,
          recording: frame.recState === undefined || frame.recState === null ? this.meeting.recording : frame.recState === 1,
        };
        if (this.meeting.locked !== wasLocked) this.log(MEETING_PID, "", "locked", this.meeting.locked, now);
        return true;
      }
      case "NetConditionNotify": {
        const at = iso(frame.createTime ?? now);
        this.setQuality(new Map(frame.data.map((d) => [d.participantID, qualityFromNetCondition(d, at)])));
        return true;
      }
      case "SpeakerChangeNotify":
        this.setSpeakers([...frame.data].sort((a, b) => (b.speakingVolume ?? 0) - (a.speakingVolume ?? 0)).slice(0, 3).map((s) => s.pid), now);
        return true;
    }
  }

  /**
   * realTimeInfo is authoritative for who is present and their four flags; what it lacks
   * (sharing, join time, device) is kept from the push channel.
   */
  reconcile(rt: RealTimeInfo, now = Date.now()): void {
    this.covers("full");
    this.eventTime = now;
    const coHosts = new Set(rt.confInfo?.coHosts ?? []);
    const present = new Set<string>();
    for (const p of rt.participants) {
      present.add(p.pid);
      const known = this.pinfo.get(p.pid);
      this.merge(p.pid, {
        NAME: p.name ?? known?.NAME ?? p.pid,
        // realTimeInfo masks numbers: keep a pushed number in clear rather than flip between the two.
        ...(p.phone && !known?.TEL ? { TEL: p.phone } : {}),
        STATE: String(p.state ?? 0),
        VIDEO: flag(p.video),
        MUTE: flag(p.mute),
        HAND: flag(p.hand),
        ROLE: rt.confInfo?.chairID === p.pid ? "1" : (known?.ROLE === "2" ? "2" : "0"),
        IS_COHOST: coHosts.has(p.pid) ? "1" : "0",
      }, now);
    }
    for (const pid of [...this.pinfo.keys()]) if (!present.has(pid)) this.remove(pid);
    this.sourceTime = now;
    this.begin(now);
  }

  /**
   * Who is online from Huawei's attendee list, where the host password is withheld: presence, name,
   * number and role (host or not), none of the flags, which the meeting's coverage then says.
   * Returns whether anyone came, went or changed.
   */
  presence(online: readonly OnlineAttendee[], now = Date.now()): boolean {
    const before = this.meeting;
    this.covers("presence");
    this.eventTime = now;
    const changesBefore = this.rowChanges;
    const present = new Set<string>();
    for (const a of online) {
      if (!a.participant_id) continue;
      present.add(a.participant_id);
      const known = this.pinfo.get(a.participant_id);
      this.merge(a.participant_id, {
        NAME: a.name ?? known?.NAME ?? "",
        ...(a.call_number ? { TEL: a.call_number } : {}),
        ROLE: a.role === 1 ? "1" : "0",
        ...(a.account || a.third_account ? { ACCOUNT: a.account || a.third_account || "" } : {}),
        ...(a.user_id ? { ACCOUNT_ID: a.user_id } : {}),
      }, now);
    }
    for (const pid of [...this.pinfo.keys()]) if (!present.has(pid)) this.remove(pid);
    this.begin(now);
    // Read every few seconds: only a list that changed is news (and moves the data's time).
    const changed = this.meeting !== before || this.rowChanges > changesBefore;
    if (changed) this.sourceTime = now;
    return changed;
  }

  private covers(coverage: LiveMeeting["coverage"]): void {
    if (this.meeting.coverage === coverage) return;
    // From presence to full: the flags of the first whole list are as found, not news (a hand
    // already up was raised before, not now), so watching begins again with that list.
    if (coverage === "full" && this.meeting.coverage === "presence") this.watchStartedAt = null;
    this.meeting = { ...this.meeting, coverage };
  }

  /**
   * Huawei's latest measure of some people's connections; returns whether anyone's row changed.
   * A row changes (and every viewer gets a patch) only when what is shown does: a poor or bad mark
   * appearing, changing or clearing. Figures move a little on every measure, and a first measure of
   * a thousand people is mostly "good": sending those rows would cost every viewer's push (measured:
   * p95 5 to 8 ms). The newest figures ride along with the next change of the row.
   */
  setQuality(measured: ReadonlyMap<string, ParticipantQuality>): boolean {
    let changed = false;
    for (const [pid, q] of measured) {
      const row = this.mapped.get(pid);
      if (!row) continue;
      this.quality.set(pid, q);
      // Unmeasured shows as fine (no mark): a first "good" changes nothing on screen and rides along with the row's next change.
      if ((row.quality?.level ?? "good") === q.level) continue;
      this.mapped.set(pid, { ...row, quality: q });
      if (this.watchStartedAt !== null) {
        this.remember(pid, { at: q.at, field: "quality", value: q.level });
        this.log(pid, row.name, "quality", q.level, Date.now(), Date.parse(q.at));
      }
      this.dirty.add(pid);
      // The newest upstream data is now this measure: the patch carries its time, not an older frame's.
      this.sourceTime = Math.max(this.sourceTime, Date.parse(q.at));
      changed = true;
    }
    return changed;
  }

  /**
   * The loudest now: who started and who stopped speaking goes to the log (a speaker not in the
   * list, not yet or no longer present, is left out). The same people in another order keep the
   * list as it was: pages show who speaks, not who is loudest, and Huawei's volumes reorder them on
   * every frame (measured: three times the floor's patches, p95 of pushes 3x, with meetings talking).
   */
  private setSpeakers(next: string[], now: number): void {
    const before = new Set(this.speakers);
    const after = new Set(next);
    if (before.size === after.size && [...after].every((pid) => before.has(pid))) return;
    this.speakers = next;
    if (this.watchStartedAt === null) return;
    for (const pid of after) if (!before.has(pid)) this.logSpeaking(pid, true, now);
    for (const pid of before) if (!after.has(pid)) this.logSpeaking(pid, false, now);
  }

  private logSpeaking(pid: string, speaking: boolean, now: number): void {
    const row = this.mapped.get(pid);
    if (row) this.log(pid, row.name, "speaking", speaking, now);
  }

  /** A change of the log after watching began: at Huawei's time (or `at`), seen now. */
  private log(pid: string, name: string, field: LogField, value: ParticipantChange["value"], now: number, at = this.eventTime || now): void {
    if (this.watchStartedAt !== null) this.events?.event({ at, seenAt: now, pid, name, field, value, initial: false });
  }

  /** A participant's changes seen while watching (empty for one unknown or gone). */
  changesOf(pid: string): ParticipantChange[] {
    return this.changes.get(pid) ?? [];
  }

  /** Which rows changed since the last call, for the topic to look at those alone (rows not named are the same objects). */
  takeChanges(): RowHint<Participant> {
    const changed = this.dirty;
    this.dirty = new Set();
    return { byId: this.mapped, changed };
  }

  snapshot(): MeetingTopicData {
    return { meeting: this.meeting, participants: [...this.mapped.values()], attendees: this.attendees, speakers: this.speakers };
  }

  private applyParticipants(frame: ParticipantsNotify, now: number): void {
    if ((frame.msgMode ?? 0) === 0) {
      // A full frame is the whole list: whoever it does not name has left.
      const named = new Set(frame.data.map((d) => d.pid));
      for (const pid of [...this.pinfo.keys()]) if (!named.has(pid)) this.remove(pid);
    }
    for (const entry of frame.data) {
      if (entry.mode === 1) this.remove(entry.pid);
      else this.merge(entry.pid, entry.pinfoMap ?? {}, now);
    }
  }

  private applyAttendees(frame: AttendeesNotify): void {
    const incoming = frame.data.map((a) => ({
      remove: a.mode === 1,
      attendee: {
        name: a.name?.trim() || a.accountId || a.participantID || a.phone || "(unnamed)",
        role: a.role === 1 ? ("host" as const) : ("participant" as const),
        type: a.type ?? null,
        accountId: a.accountId || null,
        userUUID: a.userUUID || null,
        // participantID is the invitee's number; `phone` often comes masked.
        phone: a.participantID || a.phone || null,
        otherPhones: [],
        email: a.email || null,
        department: a.deptName || null,
      },
    }));
    const byKey = new Map((frame.msgMode ?? 0) === 0 ? [] : this.attendees.map((a) => [attendeeKey(a), a] as const));
    for (const i of incoming) {
      if (i.remove) byKey.delete(attendeeKey(i.attendee));
      else byKey.set(attendeeKey(i.attendee), i.attendee);
    }
    this.attendees = [...byKey.values()];
  }

  private merge(pid: string, changed: Pinfo, now: number): void {
    const known = this.pinfo.get(pid);
    const next = { ...known, ...changed };
    this.pinfo.set(pid, next);
    if (next.HAND === "1") {
      if (!this.handSince.has(pid)) {
        const hand = this.hands?.get(this.meeting.conferenceID, pid) ?? { at: now, before: this.watchStartedAt === null };
        this.handSince.set(pid, hand);
        this.hands?.set(this.meeting.conferenceID, pid, hand);
      }
    } else if (this.handSince.delete(pid) || !known) {
      // Lowered, or seen down the first time: a hand an earlier watcher saw up went down meanwhile.
      this.hands?.delete(this.meeting.conferenceID, pid);
    }
    const mapped = toParticipant(pid, next, this.handSince.get(pid), this.quality.get(pid));
    const before = this.mapped.get(pid);
    // Keep the same object when nothing visible changed, so diffing and rendering can skip it.
    if (!before || JSON.stringify(before) !== JSON.stringify(mapped)) {
      this.mapped.set(pid, mapped);
      this.dirty.add(pid);
      this.rowChanges++;
    }
    // Changes count from the first whole list on: what was already so when watching began is not news.
    if (this.watchStartedAt !== null) this.record(pid, before, mapped, now);
  }

  /** The first whole list: from here on changes are news, and the log gets the state as it is. */
  private begin(now: number): void {
    if (this.watchStartedAt !== null) return;
    this.watchStartedAt = now;
    if (!this.events) return;
    const at = this.eventTime || now;
    this.events.begin(at);
    const found = (pid: string, name: string, field: LogField, value: ParticipantChange["value"]) => this.events!.event({ at, seenAt: now, pid, name, field, value, initial: true });
    found(MEETING_PID, "", "locked", this.meeting.locked);
    const speaking = new Set(this.speakers);
    for (const p of this.mapped.values()) {
      found(p.pid, p.name, "present", true);
      for (const field of TRACKED) found(p.pid, p.name, field, p[field]);
      if (p.quality) found(p.pid, p.name, "quality", p.quality.level);
      if (speaking.has(p.pid)) found(p.pid, p.name, "speaking", true);
    }
  }

  private record(pid: string, before: Participant | undefined, after: Participant, now: number): void {
    const at = iso(now);
    const seen: ParticipantChange[] = before ? TRACKED.filter((f) => before[f] !== after[f]).map((field) => ({ at, field, value: after[field] })) : [{ at, field: "present", value: true }];
    if (!seen.length) return;
    if (this.events) {
      // A flag first learnt (a camera realTimeInfo did not know, now pushed) is the state as found, not a change.
      for (const c of seen) this.events.event({ at: this.eventTime || now, seenAt: now, pid, name: after.name, field: c.field, value: c.value, initial: c.field !== "present" && before?.[c.field] === null });
      // Whoever joins brings their flags along: the log holds them from the join on.
      if (!before) for (const field of TRACKED) this.events.event({ at: this.eventTime || now, seenAt: now, pid, name: after.name, field, value: after[field], initial: true });
    }
    this.remember(pid, ...seen);
  }

  private remember(pid: string, ...seen: ParticipantChange[]): void {
    const log = this.changes.get(pid) ?? [];
    log.push(...seen);
    this.changes.set(pid, log.slice(-CHANGES_KEPT));
  }

  private remove(pid: string): void {
    const gone = this.mapped.get(pid);
    if (gone) {
      this.dirty.add(pid);
      this.rowChanges++;
    }
    if (gone && this.events && this.watchStartedAt !== null) this.events.event({ at: this.eventTime || Date.now(), seenAt: Date.now(), pid, name: gone.name, field: "present", value: false, initial: false });
    this.pinfo.delete(pid);
    if (this.handSince.delete(pid)) this.hands?.delete(this.meeting.conferenceID, pid);
    this.quality.delete(pid);
    this.mapped.delete(pid);
    this.changes.delete(pid);
  }
}

/** The fields whose changes a participant's details list. */
const TRACKED = ["muted", "handRaised", "camera", "sharing", "role"] as const;
/** Per participant: a long meeting of a restless one stays bounded. */
const CHANGES_KEPT = 100;

function attendeeKey(a: Attendee): string {
  return a.accountId ?? a.userUUID ?? a.phone ?? a.name;
}

export function toParticipant(pid: string, p: Pinfo, hand: HandUp | undefined, quality?: ParticipantQuality): Participant {
  const joined = Number(p.ADDTIME);
  const handUp = p.HAND === "1" && hand !== undefined;
  return {
    pid,
    name: p.NAME?.trim() || p.TEL || pid,
    role: p.IS_COHOST === "1" && p.ROLE !== "1" ? "cohost" : (ROLE[p.ROLE ?? "0"] ?? "participant"),
    state: STATE[p.STATE ?? "0"] ?? "in-meeting",
    muted: p.MUTE === "1",
    handRaised: p.HAND === "1",
    // VIDEO says the site can send video; CAMERASTATE says the camera is on (D-1514, PY real_time_participant.py).
    camera: p.CAMERASTATE === undefined ? null : p.CAMERASTATE === "1",
    videoSite: p.VIDEO === "1",
    sharing: p.SHARE === "1",
    joinedAt: Number.isFinite(joined) && joined > 0 ? iso(joined) : null,
    handRaisedAt: handUp ? iso(hand.at) : null,
    handRaisedBefore: handUp && hand.before,
    device: p.CLIENT_LOGIN_TYPE || null,
    account: p.ACCOUNT || p.THIRDACCOUNT || null,
    userUUID: p.ACCOUNT_ID || null,
    number: p.TEL || null,
    quality: quality ?? null,
  };
}
