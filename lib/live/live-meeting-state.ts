import type { Attendee } from "@/lib/domain/meeting";
import type { LiveMeeting, MeetingTopicData, Participant } from "@/lib/domain/participant";
import type { AttendeesNotify, ParticipantsNotify, PushFrame, RealTimeInfo } from "@/lib/huawei/control-schemas";

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
export class LiveMeetingState {
  private readonly pinfo = new Map<string, Pinfo>();
  private readonly handSince = new Map<string, number>();
  private readonly mapped = new Map<string, Participant>();
  private attendees: Attendee[] = [];
  private speakers: string[] = [];
  meeting: LiveMeeting;
  /** `createTime` of the newest upstream frame (ms), or the time of the last poll. */
  sourceTime = 0;

  constructor(conferenceID: string, base?: Partial<LiveMeeting>) {
    this.meeting = { conferenceID, subject: null, hostName: null, startTime: null, endTime: null, state: "ongoing", locked: false, recording: false, ...base };
  }

  /** Applies a push frame; returns false for frames of no interest. */
  apply(frame: PushFrame, now = Date.now()): boolean {
    this.sourceTime = Math.max(this.sourceTime, frame.createTime ?? now);
    switch (frame.action) {
      case "ParticipantsNotify":
        this.applyParticipants(frame, now);
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
      case "ConfDynamicInfoNotify":
        this.meeting = {
          ...this.meeting,
          state: frame.state === "Destroyed" ? "ended" : this.meeting.state,
          endTime: frame.endTime && /^\d+$/.test(frame.endTime) ? iso(Number(frame.endTime)) : this.meeting.endTime,
          locked: frame.lock === undefined || frame.lock === null ? this.meeting.locked : frame.lock === 1,
          recording: frame.recState === undefined || frame.recState === null ? this.meeting.recording : frame.recState === 1,
        };
        return true;
      case "SpeakerChangeNotify":
        this.speakers = [...frame.data].sort((a, b) => (b.speakingVolume ?? 0) - (a.speakingVolume ?? 0)).slice(0, 3).map((s) => s.pid);
        return true;
    }
  }

  /**
   * realTimeInfo is authoritative for who is present and their four flags; what it lacks
   * (sharing, join time, device) is kept from the push channel.
   */
  reconcile(rt: RealTimeInfo, now = Date.now()): void {
    const coHosts = new Set(rt.confInfo?.coHosts ?? []);
    const present = new Set<string>();
    for (const p of rt.participants) {
      present.add(p.pid);
      this.merge(p.pid, {
        NAME: p.name ?? this.pinfo.get(p.pid)?.NAME ?? p.pid,
        ...(p.phone ? { TEL: p.phone } : {}),
        STATE: String(p.state ?? 0),
        VIDEO: flag(p.video),
        MUTE: flag(p.mute),
        HAND: flag(p.hand),
        ROLE: rt.confInfo?.chairID === p.pid ? "1" : (this.pinfo.get(p.pid)?.ROLE === "2" ? "2" : "0"),
        IS_COHOST: coHosts.has(p.pid) ? "1" : "0",
      }, now);
    }
    for (const pid of [...this.pinfo.keys()]) if (!present.has(pid)) this.remove(pid);
    this.sourceTime = now;
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
      key: a.participantID ?? a.userUUID ?? `${a.name}|${a.phone}`,
      remove: a.mode === 1,
      attendee: {
        name: a.name?.trim() || a.accountId || a.phone || "(unnamed)",
        role: a.role === 1 ? ("host" as const) : ("participant" as const),
        type: a.type ?? null,
        accountId: a.accountId || null,
        phone: a.phone ?? null,
        email: null,
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
    const next = { ...this.pinfo.get(pid), ...changed };
    this.pinfo.set(pid, next);
    if (next.HAND === "1") {
      if (!this.handSince.has(pid)) this.handSince.set(pid, now);
    } else this.handSince.delete(pid);
    const mapped = toParticipant(pid, next, this.handSince.get(pid));
    const before = this.mapped.get(pid);
    // Keep the same object when nothing visible changed, so diffing and rendering can skip it.
    if (!before || JSON.stringify(before) !== JSON.stringify(mapped)) this.mapped.set(pid, mapped);
  }

  private remove(pid: string): void {
    this.pinfo.delete(pid);
    this.handSince.delete(pid);
    this.mapped.delete(pid);
  }
}

function attendeeKey(a: Attendee): string {
  return a.accountId ?? `${a.name}|${a.phone}`;
}

export function toParticipant(pid: string, p: Pinfo, handSince: number | undefined): Participant {
  const joined = Number(p.ADDTIME);
  return {
    pid,
    name: p.NAME?.trim() || p.TEL || pid,
    role: p.IS_COHOST === "1" && p.ROLE !== "1" ? "cohost" : (ROLE[p.ROLE ?? "0"] ?? "participant"),
    state: STATE[p.STATE ?? "0"] ?? "in-meeting",
    muted: p.MUTE === "1",
    handRaised: p.HAND === "1",
    video: p.VIDEO === "1",
    sharing: p.SHARE === "1",
    joinedAt: Number.isFinite(joined) && joined > 0 ? iso(joined) : null,
    handRaisedAt: p.HAND === "1" && handSince !== undefined ? iso(handSince) : null,
    device: p.CLIENT_LOGIN_TYPE ?? null,
  };
}
