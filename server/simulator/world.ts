import { EventEmitter } from "node:events";
import { Random } from "./random";
import { phoneNumber, randomPerson } from "./names";
import type { SimMeeting, SimParticipant, SimUser } from "./types";
import {
  fillPastSessions,
  inviteeFor,
  joinerOf,
  joinerOfUser,
  makeUser,
  MINUTE,
  newMeeting,
  newOccurrence,
  participantFor,
  sessionOf,
  control,
  type Generator,
  type Joiner,
} from "./world-generation";

export type { SimInvitee, SimMeeting, SimParticipant, SimSession, SimUser } from "./types";

export interface WorldOptions {
  seed: number;
  /** How many meetings are going on at once, roughly kept as meetings end and start. */
  ongoing: number;
  /** Days of past meetings to make up. */
  historyDays: number;
  /** One-off past meetings a day (default 8), beside the recurring series. */
  historyPerDay?: number;
  /** Huawei keeps history 6 months by default, 12 at most (会议设置 > 历史会议留存时间): older meetings are not answered. */
  retentionDays?: number;
  now?: number;
}

const DAY = 24 * 60 * MINUTE;

/** Meetings held again and again under one meeting ID: a weekly all-hands, a course twice a week, a daily stand-up. */
const SERIES = [
  { subject: "Weekly all-hands 全员周会", weekdays: [1], size: 40, minutes: 60, hour: 2, days: Infinity },
  { subject: "Data engineering course 数据工程课", weekdays: [2, 4], size: 24, minutes: 90, hour: 6, days: Infinity },
  { subject: "Daily stand-up", weekdays: [1, 2, 3, 4, 5], size: 8, minutes: 15, hour: 1, days: 28 },
] as const;

export type ParticipantChange = Partial<Pick<SimParticipant, "muted" | "hand" | "camera" | "videoSite" | "sharing" | "role">>;

/** Whom the simulator says is speaking in a meeting: its first three unmuted. */
export const speakersIn = (meeting: SimMeeting): SimParticipant[] => [...meeting.participants.values()].filter((x) => !x.muted).slice(0, 3);

/** What a host does that Huawei's control records keep (the words are inferred: see huawei-format.ts). */
export type HostOperation = "Mute participant" | "Unmute participant" | "Mute all" | "Unmute all" | "Set co-host" | "Cancel co-host" | "Lock conference" | "Unlock conference";

/** In a big meeting a few people at a time have a hand up, and a handful are co-hosts. */
const HAND_SHARE = 0.03;
const MAX_COHOSTS = 5;

/**
 * The simulated enterprise: users, meetings going on now and meetings of the past, all built
 * from a seed. `tick()` moves time: people join and leave, mute, raise and lower hands, turn
 * cameras on and off; meetings end and new ones start. Listeners (the push sockets) hear each change.
 */
export class World extends EventEmitter {
  readonly rng: Random;
  readonly users: SimUser[] = [];
  readonly admin: SimUser;
  readonly ongoing = new Map<string, SimMeeting>();
  readonly history: SimMeeting[] = [];
  readonly retentionDays: number;
  private readonly usedIds = new Set<string>();
  private readonly gen: Generator;
  private targetOngoing: number;

  constructor(opts: WorldOptions) {
    super();
    // Every open push socket listens to the world; there can be hundreds.
    this.setMaxListeners(0);
    this.rng = new Random(opts.seed);
    this.gen = { rng: this.rng, users: this.users, uniqueId: (make) => this.uniqueId(make) };
    this.targetOngoing = opts.ongoing;
    this.retentionDays = opts.retentionDays ?? 180;
    const now = opts.now ?? Date.now();
    this.admin = makeUser(this.gen, { name: "Enterprise Admin", account: "admin" }, true);
    // A known host for demos and tests: she schedules some meetings and is invited to others.
    this.users.push(makeUser(this.gen, { name: "Alice Chen", account: "alice.chen" }, false));
    for (let i = 0; i < 300; i++) this.users.push(makeUser(this.gen, randomPerson(this.rng), false));
    this.makeHistory(now, opts.historyDays, opts.historyPerDay ?? 8);
    for (let i = 0; i < opts.ongoing; i++) this.startMeeting(now, { ageMs: this.rng.int(1, 150) * MINUTE, index: i });
  }

  userByAccount(userId: string): SimUser | undefined {
    return userId === this.admin.userId ? this.admin : this.users.find((u) => u.userId === userId);
  }

  /** Huawei's App ID auth adds an unknown third-party user to the directory on first sign-in. */
  ensureUser(userId: string): SimUser {
    const existing = this.userByAccount(userId);
    if (existing) return existing;
    const user = makeUser(this.gen, { name: userId, account: userId }, false);
    this.users.push(user);
    return user;
  }

  /** An ordinary user sees meetings they scheduled or were invited to; admins may ask for all. */
  canSee(user: SimUser, meeting: SimMeeting, queryAll: boolean): boolean {
    if (user.isAdmin && queryAll) return true;
    return meeting.scheduler.userUUID === user.userUUID || meeting.invitees.some((i) => i.userUUID === user.userUUID);
  }

  /** The past meetings Huawei still answers for: those that started within its retention. */
  keptHistory(now = Date.now()): SimMeeting[] {
    const oldest = now - this.retentionDays * DAY;
    return this.history.filter((m) => m.startedAt >= oldest);
  }

  /** Huawei drops a past meeting (its retention ran out early, or the admin shortened it). */
  forget(confUUID: string): boolean {
    const i = this.history.findIndex((m) => m.confUUID === confUUID);
    if (i < 0) return false;
    this.history.splice(i, 1);
    return true;
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
    for (const p of meeting.participants.values()) meeting.sessions.push(sessionOf(p, now));
    meeting.participants.clear();
    meeting.endedAt = now;
    this.ongoing.delete(meeting.conferenceID);
    this.history.unshift(meeting);
    this.emit("meetingEnded", meeting);
  }

  /** Changes some of a participant's flags, as the meeting's control channel would report. */
  changeParticipant(meeting: SimMeeting, pid: string, patch: ParticipantChange): SimParticipant | undefined {
    const p = meeting.participants.get(pid);
    if (!p) return undefined;
    if (patch.sharing) for (const other of meeting.participants.values()) if (other.sharing && other !== p) this.changeParticipant(meeting, other.pid, { sharing: false });
    Object.assign(p, patch);
    // A site that cannot send video has no camera on.
    if (!p.videoSite) p.camera = false;
    this.emit("participantUpserted", meeting, p);
    return p;
  }

  leave(meeting: SimMeeting, pid: string, now = Date.now()): boolean {
    const p = meeting.participants.get(pid);
    if (!p) return false;
    meeting.participants.delete(pid);
    meeting.sessions.push(sessionOf(p, now));
    this.emit("participantRemoved", meeting, p);
    return true;
  }

  /** Someone joins; a guest who gives only a name dials in with a number of their own. */
  join(meeting: SimMeeting, who: Pick<Joiner, "name"> & Partial<Joiner>, now = Date.now()): SimParticipant {
    const joiner: Joiner = { number: phoneNumber(this.rng), account: null, userUUID: null, ...who };
    const p = participantFor(this.rng, meeting, joiner, now, "participant");
    this.addParticipant(meeting, p);
    return p;
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

  /** A meeting starting now (a test's): with its host, or with neither host nor co-host joined. */
  startNow(opts: { withHost: boolean }, now = Date.now()): SimMeeting {
    return this.startMeeting(now, { ageMs: 0, index: this.ongoing.size + 1, withoutHost: !opts.withHost });
  }

  private startMeeting(now: number, opts: { ageMs: number; index: number; maxSize?: number; withoutHost?: boolean }): SimMeeting {
    const scheduler = opts.index % 8 === 0 ? this.users[0]! : this.rng.pick(this.users);
    const size = this.meetingSize(opts.index, opts.maxSize);
    const startedAt = now - opts.ageMs;
    const meeting = newMeeting(this.gen, startedAt, opts.ageMs + this.rng.int(10, 120) * MINUTE, size, scheduler);
    if (opts.index % 8 === 4) meeting.invitees.push(inviteeFor(this.users[0]!));
    // One meeting where many suffer at once for a while (quality-model.ts).
    meeting.qualityIncident = opts.index === 3;
    if (!opts.withoutHost) this.addParticipant(meeting, participantFor(this.rng, meeting, joinerOfUser(scheduler), startedAt, "host"));
    for (const invitee of meeting.invitees) {
      if (!this.rng.chance(0.8)) continue;
      const joinedAt = startedAt + this.rng.int(0, Math.min(opts.ageMs, 10 * MINUTE));
      const p = participantFor(this.rng, meeting, joinerOf(invitee), joinedAt, "participant");
      // Some hands are already up when anyone starts watching.
      p.hand = p.role !== "host" && this.rng.chance(HAND_SHARE / 2);
      this.addParticipant(meeting, p);
    }
    const others = [...meeting.participants.values()].filter((p) => p.role !== "host");
    if (others.length > 10 && !opts.withoutHost) for (let i = this.rng.int(1, 3); i > 0; i--) this.rng.pick(others).role = "cohost";
    if (size >= 100) this.addNamesake(meeting);
    this.ongoing.set(meeting.conferenceID, meeting);
    this.emit("meetingStarted", meeting);
    return meeting;
  }

  /** Large meetings invite two people of the same name: one is present, the other is not. */
  private addNamesake(meeting: SimMeeting): void {
    const present = [...meeting.participants.values()].find((p) => p.role === "participant" && p.account);
    if (!present) return;
    const twin = makeUser(this.gen, { name: present.name, account: `${present.account}.twin` }, false);
    this.users.push(twin);
    meeting.invitees.push(inviteeFor(twin));
  }

  private addParticipant(meeting: SimMeeting, p: SimParticipant): void {
    meeting.participants.set(p.pid, p);
    this.emit("participantUpserted", meeting, p);
  }

  private stirParticipants(meeting: SimMeeting, now: number): void {
    const present = [...meeting.participants.values()];
    const changes = Math.max(1, Math.round(present.length / 50));
    for (let i = 0; i < changes; i++) {
      const roll = this.rng.next();
      const p = present.length ? this.rng.pick(present) : undefined;
      if (!p || roll < 0.05) this.joinSomeoneAbsent(meeting, now);
      else if (roll < 0.09 && p.role !== "host") this.leave(meeting, p.pid, now);
      else if (roll < 0.3) this.toggleMute(meeting, p, now);
      else if (roll < 0.36) this.toggleHand(meeting, p);
      else if (roll < 0.42 && p.videoSite) this.changeParticipant(meeting, p.pid, { camera: !p.camera });
      else if (roll < 0.44) this.changeParticipant(meeting, p.pid, { sharing: !p.sharing });
      else if (roll < 0.45 && p.role !== "host") this.toggleCohost(meeting, p, now);
    }
    this.announceSpeakers(meeting);
  }

  /** Who is speaking now (SpeakerChangeNotify): the first three unmuted, louder or softer. Returns their pids. */
  announceSpeakers(meeting: SimMeeting): string[] {
    const speakers = speakersIn(meeting);
    this.emit("speakers", meeting, speakers.map((x) => ({ pid: x.pid, name: x.name, speakingVolume: this.rng.int(10, 90) })));
    return speakers.map((x) => x.pid);
  }

  private joinSomeoneAbsent(meeting: SimMeeting, now: number): void {
    const presentNumbers = new Set([...meeting.participants.values()].map((x) => x.number));
    const absent = meeting.invitees.find((inv) => !presentNumbers.has(inv.participantID));
    if (absent) this.join(meeting, joinerOf(absent), now);
  }

  /** Hands go down again; a new one goes up only while few are up. */
  private toggleHand(meeting: SimMeeting, p: SimParticipant): void {
    if (p.hand) return void this.changeParticipant(meeting, p.pid, { hand: false });
    const up = [...meeting.participants.values()].filter((x) => x.hand).length;
    if (up < Math.max(1, Math.ceil(meeting.participants.size * HAND_SHARE))) this.changeParticipant(meeting, p.pid, { hand: true });
  }

  private toggleCohost(meeting: SimMeeting, p: SimParticipant, now = Date.now()): void {
    if (p.role === "cohost") return this.hostControl(meeting, "Cancel co-host", p.pid, now);
    const cohosts = [...meeting.participants.values()].filter((x) => x.role === "cohost").length;
    if (cohosts < MAX_COHOSTS) this.hostControl(meeting, "Set co-host", p.pid, now);
  }

  /** People mute and unmute themselves; now and then the host mutes someone, which the control records keep. */
  private toggleMute(meeting: SimMeeting, p: SimParticipant, now: number): void {
    if (!p.muted && p.role === "participant" && this.rng.chance(0.3)) return this.hostControl(meeting, "Mute participant", p.pid, now);
    this.changeParticipant(meeting, p.pid, { muted: !p.muted });
  }

  /** The host does something to someone (or to the meeting): it happens, and Huawei's control records keep it. */
  hostControl(meeting: SimMeeting, operation: HostOperation, pid?: string, now = Date.now()): void {
    const p = pid === undefined ? undefined : meeting.participants.get(pid);
    const everyone = [...meeting.participants.values()].filter((x) => x.role !== "host");
    switch (operation) {
      case "Lock conference":
      case "Unlock conference":
        meeting.locked = operation === "Lock conference";
        meeting.controls.push(control(meeting, now, operation, meeting.subject));
        this.emit("meetingLocked", meeting);
        return;
      case "Mute all":
      case "Unmute all":
        meeting.controls.push(control(meeting, now, operation, meeting.subject));
        for (const x of everyone) this.changeParticipant(meeting, x.pid, { muted: operation === "Mute all" });
        return;
    }
    if (!p) return;
    meeting.controls.push(control(meeting, now, operation, p.name));
    if (operation === "Mute participant" || operation === "Unmute participant") this.changeParticipant(meeting, p.pid, { muted: operation === "Mute participant" });
    else this.changeParticipant(meeting, p.pid, { role: operation === "Set co-host" ? "cohost" : "participant" });
  }

  private makeHistory(now: number, days: number, perDay: number): void {
    for (let d = days - 1; d >= 0; d--) {
      for (let i = 0; i < perDay; i++) {
        const start = now - d * 24 * 60 * MINUTE - this.rng.int(1, 23 * 60) * MINUTE - 3 * 60 * MINUTE;
        const scheduler = i === 0 ? this.users[0]! : this.rng.pick(this.users);
        const meeting = newMeeting(this.gen, start, this.rng.int(15, 120) * MINUTE, this.rng.int(2, 30), scheduler);
        fillPastSessions(this.rng, meeting);
        this.history.push(meeting);
      }
    }
    this.makeSeries(now, days);
    // One very large past meeting, so attendance has to page through several upstream pages.
    const start = now - 2 * 24 * 60 * MINUTE;
    const townHall = newMeeting(this.gen, start, 90 * MINUTE, 1300, this.users[0]!, "Company town hall 全员大会");
    fillPastSessions(this.rng, townHall);
    this.history.push(townHall);
    this.history.sort((a, b) => b.startedAt - a.startedAt);
  }

  private makeSeries(now: number, days: number): void {
    SERIES.forEach((plan, index) => {
      const scheduler = index === 0 ? this.users[0]! : this.rng.pick(this.users);
      const firstDay = now - Math.min(days, plan.days) * DAY;
      let template: SimMeeting | undefined;
      for (let day = Math.floor(firstDay / DAY) * DAY; day < now - DAY; day += DAY) {
        if (!(plan.weekdays as readonly number[]).includes(new Date(day).getUTCDay())) continue;
        const start = day + plan.hour * 60 * MINUTE + this.rng.int(0, 5) * MINUTE;
        if (start < firstDay) continue;
        const duration = (plan.minutes + this.rng.int(-5, 10)) * MINUTE;
        const meeting = template ? newOccurrence(this.gen, template, start, duration) : newMeeting(this.gen, start, duration, plan.size, scheduler, plan.subject);
        template ??= meeting;
        fillPastSessions(this.rng, meeting);
        this.history.push(meeting);
      }
    });
  }
}
