import { EventEmitter } from "node:events";
import { DEPARTMENTS, SUBJECTS, maskedPhone, randomPerson } from "./names";
import { Random } from "./random";

export interface SimUser {
  userUUID: string;
  /** Third-party account id, what App ID auth signs in with (`userId`). */
  userId: string;
  name: string;
  phone: string;
  deptName: string;
  isAdmin: boolean;
}

export interface SimInvitee {
  participantID: string;
  userUUID: string | null;
  accountId: string | null;
  name: string;
  phone: string;
  type: "normal" | "terminal" | "outside" | "mobile";
  deptName: string | null;
}

export interface SimParticipant {
  pid: string;
  name: string;
  phone: string;
  userUUID: string | null;
  role: "host" | "cohost" | "participant";
  muted: boolean;
  hand: boolean;
  video: boolean;
  sharing: boolean;
  joinedAt: number;
  device: string;
  media: "Video" | "Voice";
}

export interface SimSession {
  displayName: string;
  callNumber: string;
  deviceType: string;
  mediaType: "Video" | "Voice";
  joinTime: number;
  leftTime: number;
  deptName: string | null;
}

export interface SimMeeting {
  conferenceID: string;
  confUUID: string;
  subject: string;
  scheduler: SimUser;
  startedAt: number;
  scheduledEnd: number;
  mediaTypes: string;
  chairPassword: string;
  guestPassword: string;
  confMode: "COMMON" | "RTC";
  recording: boolean;
  invitees: SimInvitee[];
  participants: Map<string, SimParticipant>;
  /** Closed join sessions, kept for the attendee records once the meeting ends. */
  sessions: SimSession[];
  endedAt: number | null;
}

export interface WorldOptions {
  seed: number;
  /** How many meetings are going on at once, roughly kept as meetings end and start. */
  ongoing: number;
  /** Days of past meetings to make up. */
  historyDays: number;
  now?: number;
}

const DEVICES = ["Soft client", "Mobile client", "Web client", "Hard terminal"] as const;
const MINUTE = 60_000;

/**
 * The simulated enterprise: users, meetings going on now and meetings of the past, all built
 * from a seed. `tick()` moves time: people join and leave, meetings end and new ones start.
 */
export class World extends EventEmitter {
  readonly rng: Random;
  readonly users: SimUser[] = [];
  readonly admin: SimUser;
  readonly ongoing = new Map<string, SimMeeting>();
  readonly history: SimMeeting[] = [];
  private readonly usedIds = new Set<string>();
  private targetOngoing: number;

  constructor(opts: WorldOptions) {
    super();
    // Every open push socket listens to the world; there can be hundreds.
    this.setMaxListeners(0);
    this.rng = new Random(opts.seed);
    this.targetOngoing = opts.ongoing;
    const now = opts.now ?? Date.now();
    this.admin = this.makeUser({ name: "Enterprise Admin", account: "admin" }, true);
    // A known host for demos and tests: she schedules some meetings and is invited to others.
    this.users.push(this.makeUser({ name: "Alice Chen", account: "alice.chen" }, false));
    for (let i = 0; i < 300; i++) this.users.push(this.makeUser(randomPerson(this.rng), false));
    this.makeHistory(now, opts.historyDays);
    for (let i = 0; i < opts.ongoing; i++) this.startMeeting(now, { ageMs: this.rng.int(1, 150) * MINUTE, index: i });
  }

  userByAccount(userId: string): SimUser | undefined {
    return userId === this.admin.userId ? this.admin : this.users.find((u) => u.userId === userId);
  }

  userByUUID(userUUID: string): SimUser | undefined {
    return userUUID === this.admin.userUUID ? this.admin : this.users.find((u) => u.userUUID === userUUID);
  }

  /** Huawei's App ID auth adds an unknown third-party user to the directory on first sign-in. */
  ensureUser(userId: string): SimUser {
    const existing = this.userByAccount(userId);
    if (existing) return existing;
    const user = this.makeUser({ name: userId, account: userId }, false);
    this.users.push(user);
    return user;
  }

  /** An ordinary user sees meetings they scheduled or were invited to; admins may ask for all. */
  canSee(user: SimUser, meeting: SimMeeting, queryAll: boolean): boolean {
    if (user.isAdmin && queryAll) return true;
    return meeting.scheduler.userUUID === user.userUUID || meeting.invitees.some((i) => i.userUUID === user.userUUID);
  }

  /** Replaces the ongoing meetings with `count` fresh ones (tests use it to build large lists). */
  setOngoing(count: number, now = Date.now()): void {
    this.ongoing.clear();
    this.targetOngoing = count;
    for (let i = 0; i < count; i++) {
      this.startMeeting(now, { ageMs: this.rng.int(1, 150) * MINUTE, index: i, maxSize: count > 100 ? 12 : undefined });
    }
  }

  /** One step of simulated life; called every second by the simulator server. */
  tick(now = Date.now()): void {
    for (const meeting of [...this.ongoing.values()]) {
      if (now >= meeting.scheduledEnd) {
        this.endMeeting(meeting, now);
        continue;
      }
      this.stirParticipants(meeting, now);
    }
    while (this.ongoing.size < this.targetOngoing) this.startMeeting(now, { ageMs: 0, index: this.ongoing.size });
  }

  endMeeting(meeting: SimMeeting, now = Date.now()): void {
    for (const p of meeting.participants.values()) meeting.sessions.push(this.sessionOf(p, now));
    meeting.participants.clear();
    meeting.endedAt = now;
    this.ongoing.delete(meeting.conferenceID);
    this.history.unshift(meeting);
    this.emit("meetingEnded", meeting);
  }

  private makeUser(person: { name: string; account: string }, isAdmin: boolean): SimUser {
    let userId = person.account;
    for (let n = 2; this.users.some((u) => u.userId === userId); n++) userId = `${person.account}${n}`;
    return {
      userUUID: this.rng.hex(32),
      userId,
      name: person.name,
      phone: maskedPhone(this.rng),
      deptName: this.rng.pick(DEPARTMENTS),
      isAdmin,
    };
  }

  private uniqueId(make: () => string): string {
    let id = make();
    while (this.usedIds.has(id)) id = make();
    this.usedIds.add(id);
    return id;
  }

  private meetingSize(index: number, maxSize?: number): number {
    // Mostly small meetings, a few large ones, and one town hall of over a thousand people.
    let size: number;
    if (index === 3) size = this.rng.int(1000, 1200);
    else if (index % 11 === 7) size = this.rng.int(100, 400);
    else size = this.rng.int(2, 25);
    return maxSize ? Math.min(size, maxSize) : size;
  }

  private newMeeting(startedAt: number, durationMs: number, size: number, scheduler: SimUser, subject?: string): SimMeeting {
    const invitees: SimInvitee[] = [];
    const pool = this.users.filter((u) => u.userUUID !== scheduler.userUUID);
    for (let i = 0; i < size; i++) {
      const directoryUser = i < pool.length && this.rng.chance(0.85) ? pool[(i * 7 + this.rng.int(0, 6)) % pool.length]! : null;
      if (directoryUser && invitees.some((x) => x.userUUID === directoryUser.userUUID)) continue;
      const person = directoryUser ?? { ...randomPerson(this.rng), userUUID: null, phone: maskedPhone(this.rng), deptName: null };
      invitees.push({
        participantID: this.rng.hex(32),
        userUUID: directoryUser?.userUUID ?? null,
        accountId: directoryUser?.userId ?? null,
        name: person.name,
        phone: directoryUser?.phone ?? maskedPhone(this.rng),
        type: directoryUser ? (this.rng.chance(0.1) ? "terminal" : "normal") : this.rng.pick(["outside", "mobile"] as const),
        deptName: directoryUser?.deptName ?? null,
      });
    }
    return {
      conferenceID: this.uniqueId(() => this.rng.digits(9)),
      confUUID: this.uniqueId(() => this.rng.hex(32)),
      subject: subject ?? `${this.rng.pick(SUBJECTS)}${this.rng.chance(0.3) ? ` #${this.rng.int(2, 40)}` : ""}`,
      scheduler,
      startedAt,
      scheduledEnd: startedAt + durationMs,
      mediaTypes: this.rng.chance(0.8) ? "Voice,Video,Data" : "Voice,Data",
      chairPassword: this.rng.digits(6),
      guestPassword: this.rng.digits(6),
      confMode: this.rng.chance(0.7) ? "RTC" : "COMMON",
      recording: this.rng.chance(0.2),
      invitees,
      participants: new Map(),
      sessions: [],
      endedAt: null,
    };
  }

  private startMeeting(now: number, opts: { ageMs: number; index: number; maxSize?: number }): SimMeeting {
    const scheduler = opts.index % 8 === 0 ? this.users[0]! : this.rng.pick(this.users);
    const size = this.meetingSize(opts.index, opts.maxSize);
    const startedAt = now - opts.ageMs;
    const meeting = this.newMeeting(startedAt, opts.ageMs + this.rng.int(10, 120) * MINUTE, size, scheduler);
    if (opts.index % 8 === 4) meeting.invitees.push(this.inviteeFor(this.users[0]!));
    this.addParticipant(meeting, this.participantFor(meeting, { name: scheduler.name, phone: scheduler.phone, userUUID: scheduler.userUUID }, startedAt, "host"));
    for (const invitee of meeting.invitees) {
      if (this.rng.chance(0.8)) {
        const joinedAt = startedAt + this.rng.int(0, Math.min(opts.ageMs, 10 * MINUTE));
        this.addParticipant(meeting, this.participantFor(meeting, invitee, joinedAt, "participant"));
      }
    }
    this.ongoing.set(meeting.conferenceID, meeting);
    this.emit("meetingStarted", meeting);
    return meeting;
  }

  private inviteeFor(user: SimUser): SimInvitee {
    return {
      participantID: this.rng.hex(32),
      userUUID: user.userUUID,
      accountId: user.userId,
      name: user.name,
      phone: user.phone,
      type: "normal",
      deptName: user.deptName,
    };
  }

  private participantFor(
    meeting: SimMeeting,
    who: { name: string; phone: string; userUUID: string | null },
    joinedAt: number,
    role: SimParticipant["role"],
  ): SimParticipant {
    const video = meeting.mediaTypes.includes("Video") && this.rng.chance(0.6);
    return {
      pid: this.rng.alnum(32),
      name: who.name,
      phone: who.phone,
      userUUID: who.userUUID,
      role,
      muted: role !== "host" && this.rng.chance(0.7),
      hand: false,
      video,
      sharing: false,
      joinedAt,
      device: this.rng.pick(DEVICES),
      media: video ? "Video" : "Voice",
    };
  }

  private addParticipant(meeting: SimMeeting, p: SimParticipant): void {
    meeting.participants.set(p.pid, p);
    this.emit("participantUpserted", meeting, p);
  }

  private sessionOf(p: SimParticipant, leftTime: number): SimSession {
    return {
      displayName: p.name,
      callNumber: p.phone,
      deviceType: p.device,
      mediaType: p.media,
      joinTime: p.joinedAt,
      leftTime,
      deptName: null,
    };
  }

  /** Changes some of a participant's flags, as the meeting's control channel would report. */
  changeParticipant(meeting: SimMeeting, pid: string, patch: Partial<Pick<SimParticipant, "muted" | "hand" | "video" | "sharing" | "role">>): SimParticipant | undefined {
    const p = meeting.participants.get(pid);
    if (!p) return undefined;
    if (patch.sharing) for (const other of meeting.participants.values()) if (other.sharing && other !== p) this.changeParticipant(meeting, other.pid, { sharing: false });
    Object.assign(p, patch);
    if (patch.video !== undefined) p.media = p.video ? "Video" : "Voice";
    this.emit("participantUpserted", meeting, p);
    return p;
  }

  leave(meeting: SimMeeting, pid: string, now = Date.now()): boolean {
    const p = meeting.participants.get(pid);
    if (!p) return false;
    meeting.participants.delete(pid);
    meeting.sessions.push(this.sessionOf(p, now));
    this.emit("participantRemoved", meeting, p);
    return true;
  }

  join(meeting: SimMeeting, who: { name: string; phone?: string; userUUID?: string | null }, now = Date.now()): SimParticipant {
    const p = this.participantFor(meeting, { name: who.name, phone: who.phone ?? maskedPhone(this.rng), userUUID: who.userUUID ?? null }, now, "participant");
    this.addParticipant(meeting, p);
    return p;
  }

  private stirParticipants(meeting: SimMeeting, now: number): void {
    const present = [...meeting.participants.values()];
    const presentNames = new Set(present.map((x) => x.name));
    const changes = Math.max(1, Math.round(present.length / 50));
    for (let i = 0; i < changes; i++) {
      const roll = this.rng.next();
      const p = present.length ? this.rng.pick(present) : undefined;
      if (!p || roll < 0.05) {
        const absent = meeting.invitees.find((inv) => !presentNames.has(inv.name));
        if (absent) {
          presentNames.add(absent.name);
          this.join(meeting, absent, now);
        }
      } else if (roll < 0.09 && p.role !== "host") this.leave(meeting, p.pid, now);
      else if (roll < 0.3) this.changeParticipant(meeting, p.pid, { muted: !p.muted });
      else if (roll < 0.38) this.changeParticipant(meeting, p.pid, { hand: !p.hand });
      else if (roll < 0.45 && meeting.mediaTypes.includes("Video")) this.changeParticipant(meeting, p.pid, { video: !p.video });
      else if (roll < 0.47) this.changeParticipant(meeting, p.pid, { sharing: !p.sharing });
      else if (roll < 0.48 && p.role !== "host") this.changeParticipant(meeting, p.pid, { role: p.role === "cohost" ? "participant" : "cohost" });
    }
    const speakers = present.filter((x) => !x.muted).slice(0, 3);
    this.emit("speakers", meeting, speakers.map((x) => ({ pid: x.pid, name: x.name, speakingVolume: this.rng.int(10, 90) })));
  }

  private makeHistory(now: number, days: number): void {
    const perDay = 8;
    for (let d = days - 1; d >= 0; d--) {
      for (let i = 0; i < perDay; i++) {
        const start = now - d * 24 * 60 * MINUTE - this.rng.int(1, 23 * 60) * MINUTE - 3 * 60 * MINUTE;
        const scheduler = i === 0 ? this.users[0]! : this.rng.pick(this.users);
        const meeting = this.newMeeting(start, this.rng.int(15, 120) * MINUTE, this.rng.int(2, 30), scheduler);
        this.fillPastSessions(meeting);
        this.history.push(meeting);
      }
    }
    // One very large past meeting, so attendance has to page through several upstream pages.
    const start = now - 2 * 24 * 60 * MINUTE;
    const townHall = this.newMeeting(start, 90 * MINUTE, 1300, this.users[0]!, "Company town hall 全员大会");
    this.fillPastSessions(townHall);
    this.history.push(townHall);
    this.history.sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Past attendance with the untidy shapes real records have: late joiners, drop-outs, two devices. */
  private fillPastSessions(meeting: SimMeeting): void {
    const start = meeting.startedAt;
    const end = meeting.scheduledEnd;
    const length = end - start;
    meeting.endedAt = end;
    const attendees = [{ name: meeting.scheduler.name, phone: meeting.scheduler.phone, deptName: meeting.scheduler.deptName }, ...meeting.invitees];
    for (const who of attendees) {
      if (!this.rng.chance(0.85)) continue;
      const join = start + (this.rng.chance(0.2) ? this.rng.int(0, Math.floor(length / 2)) : this.rng.int(0, 2 * MINUTE));
      const left = this.rng.chance(0.15) ? join + this.rng.int(1, Math.max(1, end - join)) : end;
      const device = this.rng.pick(DEVICES);
      const media = this.rng.chance(0.6) ? "Video" : "Voice";
      const base = { displayName: who.name, callNumber: who.phone, deviceType: device, mediaType: media, deptName: who.deptName } as const;
      if (this.rng.chance(0.15) && left - join > 4 * MINUTE) {
        // Dropped and rejoined.
        const drop = join + Math.floor((left - join) / 3);
        const back = drop + this.rng.int(1, 3) * MINUTE;
        meeting.sessions.push({ ...base, joinTime: join, leftTime: drop }, { ...base, joinTime: back, leftTime: left });
      } else {
        meeting.sessions.push({ ...base, joinTime: join, leftTime: left });
      }
      if (this.rng.chance(0.08)) {
        // A second device alongside the first: the union must not count this time twice.
        meeting.sessions.push({ ...base, deviceType: "Mobile client", mediaType: "Voice", joinTime: join + MINUTE, leftTime: Math.min(left, join + 20 * MINUTE) });
      }
    }
    meeting.sessions.sort((a, b) => a.joinTime - b.joinTime);
  }
}
