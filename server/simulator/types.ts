/** The simulated enterprise's records. Huawei's wire shapes are built from these in *-api.ts and push-frames.ts. */

export interface SimUser {
  userUUID: string;
  /** Third-party account id, what App ID auth signs in with (`userId`), and the meeting account. */
  userId: string;
  name: string;
  /** The user's number in clear ("+991116003815"); outputs that Huawei masks mask it. */
  number: string;
  email: string;
  deptName: string;
  isAdmin: boolean;
}

export interface SimInvitee {
  /** Huawei's ParticipantInfo.participantID: the invitee's number, not an id. */
  participantID: string;
  phone2: string | null;
  phone3: string | null;
  email: string | null;
  userUUID: string | null;
  accountId: string | null;
  name: string;
  type: "normal" | "terminal" | "outside" | "mobile";
  deptName: string | null;
}

/** Device kinds of attendee records; their text depends on the request's Accept-Language. */
export type DeviceKind = "soft" | "mobile" | "web" | "terminal";

export interface SimParticipant {
  pid: string;
  name: string;
  /** TEL in clear; realTimeInfo masks it. */
  number: string;
  account: string | null;
  userUUID: string | null;
  role: "host" | "cohost" | "participant";
  muted: boolean;
  hand: boolean;
  /** The site can send video (pinfoMap VIDEO, realTimeInfo `video`): false for an audio-only phone. */
  videoSite: boolean;
  /** The camera is on (pinfoMap CAMERASTATE); never true on an audio-only site. */
  camera: boolean;
  sharing: boolean;
  joinedAt: number;
  device: DeviceKind;
  /** Forced network quality from `since` on (the /__sim surface); otherwise quality-model.ts decides. */
  network?: { level: "good" | "poor" | "bad"; since: number };
}

export interface SimSession {
  /** The participant's pid, for sessions of people seen live (the quality APIs key on it). */
  pid?: string;
  /** Their forced network quality, carried over from the live participant. */
  network?: SimParticipant["network"];
  displayName: string;
  callNumber: string;
  device: DeviceKind;
  media: "video" | "voice";
  joinTime: number;
  leftTime: number;
  deptName: string | null;
}

/** One meeting-control operation, as confCtlRecord lists it (the words of `operateCode` are inferred: Huawei documents the field as a description). */
export interface SimControl {
  operateTime: number;
  operateSource: string;
  operator: string;
  operateCode: string;
  operationObject: string;
  operateResult: string;
  detail: string;
}

/** What an admin's confDetail shows of the chair password: Huawei gives it in clear only to the creator and host. */
export type ChairForAdmins = "clear" | "masked" | "absent";

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
  chairForAdmins: ChairForAdmins;
  confMode: "COMMON" | "RTC";
  recording: boolean;
  /** Locked by its host: nobody else may join (ConfDynamicInfoNotify `lock`). */
  locked: boolean;
  invitees: SimInvitee[];
  participants: Map<string, SimParticipant>;
  /** Closed join sessions, kept for the attendee records once the meeting ends. */
  sessions: SimSession[];
  /** Meeting-control operations (the host muting someone, roles given, the meeting locked). */
  controls: SimControl[];
  endedAt: number | null;
  /** The meeting where many suffer at once for a while (quality-model.ts). */
  qualityIncident?: boolean;
}
