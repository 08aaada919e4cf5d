import { DEPARTMENTS, SUBJECTS, phoneNumber, randomPerson, type PersonName } from "./names";
import type { Random } from "./random";
import type { ChairForAdmins, DeviceKind, SimControl, SimInvitee, SimMeeting, SimParticipant, SimSession, SimUser } from "./types";

export const MINUTE = 60_000;
const DEVICES: readonly DeviceKind[] = ["soft", "mobile", "web", "terminal"];

/** What building the enterprise needs: the seeded generator, the directory and unique ids. */
export interface Generator {
  rng: Random;
  users: SimUser[];
  uniqueId(make: () => string): string;
}

/** Someone who joins: a directory user, an invitee, or a guest who dialled in. */
export interface Joiner {
  name: string;
  number: string;
  account: string | null;
  userUUID: string | null;
}

export function makeUser(g: Generator, person: PersonName, isAdmin: boolean): SimUser {
  let userId = person.account;
  for (let n = 2; g.users.some((u) => u.userId === userId); n++) userId = `${person.account}${n}`;
  return {
    userUUID: g.rng.hex(32),
    userId,
    name: person.name,
    number: phoneNumber(g.rng),
    email: `${userId.replace(/[^a-z0-9.]/gi, "")}@example.com`,
    deptName: g.rng.pick(DEPARTMENTS),
    isAdmin,
  };
}

export function inviteeFor(user: SimUser, type: SimInvitee["type"] = "normal"): SimInvitee {
  return {
    participantID: user.number,
    phone2: null,
    phone3: null,
    email: user.email,
    userUUID: user.userUUID,
    accountId: user.userId,
    name: user.name,
    type,
    deptName: user.deptName,
  };
}

/** An invitee from outside the directory: a number, a name, nothing else. */
function outsideInvitee(g: Generator): SimInvitee {
  return {
    participantID: phoneNumber(g.rng),
    phone2: g.rng.chance(0.2) ? phoneNumber(g.rng) : null,
    phone3: null,
    email: null,
    userUUID: null,
    accountId: null,
    name: randomPerson(g.rng).name,
    type: g.rng.pick(["outside", "mobile"] as const),
    deptName: null,
  };
}

export function joinerOf(i: SimInvitee): Joiner {
  return { name: i.name, number: i.participantID, account: i.accountId, userUUID: i.userUUID };
}

export function joinerOfUser(u: SimUser): Joiner {
  return { name: u.name, number: u.number, account: u.userId, userUUID: u.userUUID };
}

/** Most admins' confDetail carries the chair password; a seeded share withholds it, as Huawei may. */
function chairForAdmins(rng: Random): ChairForAdmins {
  const roll = rng.next();
  return roll < 0.75 ? "clear" : roll < 0.9 ? "masked" : "absent";
}

export function newMeeting(g: Generator, startedAt: number, durationMs: number, size: number, scheduler: SimUser, subject?: string): SimMeeting {
  const invitees: SimInvitee[] = [];
  const pool = g.users.filter((u) => u.userUUID !== scheduler.userUUID);
  for (let i = 0; i < size; i++) {
    const directoryUser = i < pool.length && g.rng.chance(0.85) ? pool[(i * 7 + g.rng.int(0, 6)) % pool.length]! : null;
    if (directoryUser && invitees.some((x) => x.userUUID === directoryUser.userUUID)) continue;
    invitees.push(directoryUser ? inviteeFor(directoryUser, g.rng.chance(0.1) ? "terminal" : "normal") : outsideInvitee(g));
  }
  return {
    conferenceID: g.uniqueId(() => g.rng.digits(9)),
    confUUID: g.uniqueId(() => g.rng.hex(32)),
    subject: subject ?? `${g.rng.pick(SUBJECTS)}${g.rng.chance(0.3) ? ` #${g.rng.int(2, 40)}` : ""}`,
    scheduler,
    startedAt,
    scheduledEnd: startedAt + durationMs,
    mediaTypes: g.rng.chance(0.8) ? "Voice,Video,Data" : "Voice,Data",
    chairPassword: g.rng.digits(6),
    guestPassword: g.rng.digits(6),
    chairForAdmins: chairForAdmins(g.rng),
    confMode: g.rng.chance(0.7) ? "RTC" : "COMMON",
    recording: g.rng.chance(0.2),
    locked: false,
    invitees,
    participants: new Map(),
    sessions: [],
    controls: [],
    endedAt: null,
  };
}

/** The same meeting ID held again: a new confUUID, the same subject, host and invitees (Huawei: one history record per start). */
export function newOccurrence(g: Generator, template: SimMeeting, startedAt: number, durationMs: number): SimMeeting {
  return {
    ...template,
    confUUID: g.uniqueId(() => g.rng.hex(32)),
    startedAt,
    scheduledEnd: startedAt + durationMs,
    participants: new Map(),
    sessions: [],
    controls: [],
    endedAt: null,
  };
}

/** A control operation by the meeting's host (who muted, made co-host or locked what). */
export function control(meeting: SimMeeting, at: number, operateCode: string, operationObject: string, detail = ""): SimControl {
  return { operateTime: at, operateSource: "PC client", operator: meeting.scheduler.name, operateCode, operationObject, operateResult: "success", detail };
}

/**
 * A participant as Huawei's push channel describes one: whether the site can send video
 * (an audio-only phone cannot) is independent of whether its camera is on.
 */
export function participantFor(rng: Random, meeting: SimMeeting, who: Joiner, joinedAt: number, role: SimParticipant["role"]): SimParticipant {
  const device = rng.pick(DEVICES);
  const audioOnlyPhone = device === "mobile" && rng.chance(0.5);
  const videoSite = meeting.mediaTypes.includes("Video") && !audioOnlyPhone;
  return {
    pid: rng.alnum(32),
    name: who.name,
    number: who.number,
    account: who.account,
    userUUID: who.userUUID,
    role,
    muted: role !== "host" && rng.chance(0.7),
    hand: false,
    videoSite,
    camera: videoSite && rng.chance(0.55),
    sharing: false,
    joinedAt,
    device,
  };
}

export function sessionOf(p: SimParticipant, leftTime: number): SimSession {
  return { pid: p.pid, displayName: p.name, callNumber: p.number, device: p.device, media: p.videoSite ? "video" : "voice", joinTime: p.joinedAt, leftTime, deptName: null, network: p.network };
}

/** Past attendance with the untidy shapes real records have: late joiners, drop-outs, two devices. */
export function fillPastSessions(rng: Random, meeting: SimMeeting): void {
  const start = meeting.startedAt;
  const end = meeting.scheduledEnd;
  const length = end - start;
  meeting.endedAt = end;
  const attendees = [
    { name: meeting.scheduler.name, number: meeting.scheduler.number, deptName: meeting.scheduler.deptName },
    ...meeting.invitees.map((i) => ({ name: i.name, number: i.participantID, deptName: i.deptName })),
  ];
  for (const who of attendees) {
    if (!rng.chance(0.85)) continue;
    const join = start + (rng.chance(0.2) ? rng.int(0, Math.floor(length / 2)) : rng.int(0, 2 * MINUTE));
    const left = rng.chance(0.15) ? join + rng.int(1, Math.max(1, end - join)) : end;
    const base = { displayName: who.name, callNumber: who.number, device: rng.pick(DEVICES), media: rng.chance(0.6) ? "video" : "voice", deptName: who.deptName } as const;
    if (rng.chance(0.15) && left - join > 4 * MINUTE) {
      // Dropped and rejoined.
      const drop = join + Math.floor((left - join) / 3);
      const back = drop + rng.int(1, 3) * MINUTE;
      meeting.sessions.push({ ...base, joinTime: join, leftTime: drop }, { ...base, joinTime: back, leftTime: left });
    } else {
      meeting.sessions.push({ ...base, joinTime: join, leftTime: left });
    }
    if (rng.chance(0.08)) {
      // A second device alongside the first: the union must not count this time twice.
      meeting.sessions.push({ ...base, device: "mobile", media: "voice", joinTime: join + MINUTE, leftTime: Math.min(left, join + 20 * MINUTE) });
    }
  }
  meeting.sessions.sort((a, b) => a.joinTime - b.joinTime);
  // A few operations by the host: some people muted, now and then a co-host, the meeting locked.
  for (const session of meeting.sessions) {
    if (rng.chance(0.1)) meeting.controls.push(control(meeting, session.joinTime + rng.int(1, 10) * MINUTE, "Mute participant", session.displayName));
    else if (rng.chance(0.02)) meeting.controls.push(control(meeting, session.joinTime + MINUTE, "Set co-host", session.displayName));
  }
  if (rng.chance(0.2)) {
    // A meeting the host took in hand: everyone muted at the start, the doors shut, then open again.
    meeting.controls.push(control(meeting, start + 2 * MINUTE, "Mute all", meeting.subject));
    meeting.controls.push(control(meeting, start + 5 * MINUTE, "Lock conference", meeting.subject));
    meeting.controls.push(control(meeting, Math.max(start + 6 * MINUTE, Math.round((start + end) / 2)), "Unlock conference", meeting.subject));
  }
  meeting.controls.sort((a, b) => a.operateTime - b.operateTime);
}
