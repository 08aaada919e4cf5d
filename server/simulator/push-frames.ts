import { mediaSample } from "./quality-model";
import { masked } from "./names";
import type { Random } from "./random";
import type { SimMeeting, SimParticipant } from "./types";

const b = (v: boolean) => (v ? "1" : "0");
const LOGIN_TYPE: Record<SimParticipant["device"], string> = { soft: "Desktop", web: "Desktop", mobile: "Mobile", terminal: "OtherType" };

/**
 * A participant as ParticipantsNotify's pinfoMap (D-1514): every value a string. VIDEO says the
 * site can send video, CAMERASTATE whether its camera is on; the two are independent.
 */
export function pinfoMap(p: SimParticipant): Record<string, string> {
  return {
    NAME: p.name,
    TEL: p.number,
    ROLE: p.role === "host" ? "1" : "0",
    IS_COHOST: b(p.role === "cohost"),
    STATE: "0",
    HAND: b(p.hand),
    MUTE: b(p.muted),
    VIDEO: b(p.videoSite),
    CAMERASTATE: b(p.camera),
    SHARE: b(p.sharing),
    ADDTIME: String(p.joinedAt),
    CLIENT_LOGIN_TYPE: LOGIN_TYPE[p.device],
    ACCOUNT: p.account ?? "",
    THIRDACCOUNT: p.account ?? "",
    ACCOUNT_ID: p.userUUID ?? "",
    BROADCAST: "0",
    ROLLCALL: "0",
    ANONYMOUS: p.account ? "0" : "1",
  };
}

/** Builds the push envelope of §7.3: action, version, createTime, msgID, msgMode, confID. */
export class FrameFactory {
  private increment = 0;

  constructor(
    private readonly rng: Random,
    private readonly confID: string,
  ) {}

  full(action: string, body: Record<string, unknown>) {
    const now = Date.now();
    return { ...body, confID: this.confID, msgID: this.rng.hex(32), msgMode: 0, version: now, createTime: now, action };
  }

  incremental(action: string, body: Record<string, unknown>) {
    this.increment += 1;
    return { ...body, confID: this.confID, msgID: this.rng.hex(32), msgMode: 1, version: this.increment, createTime: Date.now(), action };
  }
}

export function confBasicInfo(meeting: SimMeeting) {
  return {
    displayID: meeting.conferenceID,
    title: meeting.subject,
    startTime: String(meeting.startedAt),
    scheduledStartTime: String(meeting.startedAt),
    pwds: [
      { role: "chair", pwd: "******" },
      { role: "general", pwd: "******" },
    ],
    recType: meeting.recording ? 1 : 0,
    media: meeting.mediaTypes.includes("Video") ? 2 : 1,
    owner: meeting.scheduler.name,
    ownerID: meeting.scheduler.userUUID,
    userType: 2,
    confMode: meeting.confMode,
    supportCohost: 1,
  };
}

export function confDynamicInfo(meeting: SimMeeting, state: "Created" | "Destroyed") {
  return {
    endTime: String(meeting.scheduledEnd),
    mode: "FREE",
    state,
    vas: 0,
    lock: meeting.locked ? 1 : 0,
    mute: 1,
    recState: meeting.recording ? 1 : 0,
    picNum: 16,
  };
}

/** AttendeesNotify (D-1515): the number is `participantID`; `phone` comes masked. */
export function attendeesData(meeting: SimMeeting) {
  return meeting.invitees.map((i) => ({
    mode: 0,
    userUUID: i.userUUID ?? "",
    participantID: i.participantID,
    name: i.name,
    phone: masked(i.participantID),
    accountId: i.accountId ?? "",
    email: i.email ?? "",
    role: 0,
    isMute: 0,
    isAutoInvite: 0,
    type: i.type,
    deptName: i.deptName ?? "",
  }));
}

/** realTimeInfo's answer (§4): integers where the push channel has strings, numbers masked, `video` the site's capability. */
export function realTimeInfo(meeting: SimMeeting) {
  const ps = [...meeting.participants.values()];
  return {
    attendees: meeting.invitees.map((i) => ({ accountID: i.accountId ?? "", userUUID: i.userUUID ?? "", name: i.name, phone: masked(i.participantID) })),
    participants: ps.map((p) => ({ pid: p.pid, name: p.name, phone: masked(p.number), state: 0, video: p.videoSite ? 1 : 0, mute: p.muted ? 1 : 0, hand: p.hand ? 1 : 0 })),
    confInfo: {
      chairID: ps.find((p) => p.role === "host")?.pid ?? "",
      coHosts: ps.filter((p) => p.role === "cohost").map((p) => p.pid),
    },
  };
}

/**
 * One person's media figures as NetConditionNotify carries them (meeting reference §7.4, MCU
 * meetings only): every value a string, delay and jitter in ms, loss in 0.01 %, flux in 100 bit/s.
 * Which stream `lostPacketRate` measures is not documented: here the video sent, beside the audio's own.
 */
export function netCondition(m: SimMeeting, p: SimParticipant, t: number) {
  const audio = mediaSample(m, p, "audio", "send", t);
  const video = mediaSample(m, p, "video", "send", t);
  const down = mediaSample(m, p, "audio", "receive", t);
  return {
    participantID: p.pid,
    mode: "0",
    delay: String(audio.latency),
    jitter: String(audio.jitter),
    outJitter: String(down.jitter),
    audioCodecType: "AACLD",
    videoCodecType: "H264HP",
    fluxIn: String(down.bitrate * 10),
    fluxOut: String((audio.bitrate + (p.videoSite ? video.bitrate : 0)) * 10),
    lostPacketRate: String((p.videoSite ? video : audio).lossPercent * 100),
    audioOutLossPacketRate: String(audio.lossPercent * 100),
  };
}
