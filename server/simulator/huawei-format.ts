import { masked } from "./names";
import type { DeviceKind, SimControl, SimMeeting, SimSession, SimUser } from "./types";

/** ConferenceInfo times are "YYYY-MM-DD HH:MM" in UTC. */
export function huaweiTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

/** Where a ConferenceInfo is answered from; each carries slightly different fields (PY conference_info.py). */
export type ConferenceInfoKind = "online-list" | "detail" | "history";

/**
 * The chair password as `viewer` is given it: in clear to the meeting's creator (and host);
 * an admin gets it in clear, masked or not at all, as the meeting says; anyone else never.
 */
function passwordEntry(meeting: SimMeeting, viewer: SimUser) {
  const general = { conferenceRole: "general", password: meeting.guestPassword };
  if (viewer.userUUID === meeting.scheduler.userUUID) return [{ conferenceRole: "chair", password: meeting.chairPassword }, general];
  if (!viewer.isAdmin || meeting.chairForAdmins === "absent") return [general];
  return [{ conferenceRole: "chair", password: meeting.chairForAdmins === "clear" ? meeting.chairPassword : "******" }, general];
}

/** The caller's own role in the meeting (detail only); absent for an admin who is not in it. */
function callerRole(meeting: SimMeeting, viewer: SimUser): string | undefined {
  if (viewer.userUUID === meeting.scheduler.userUUID) return "chair";
  return meeting.invitees.some((i) => i.userUUID === viewer.userUUID) ? "general" : undefined;
}

/** The ConferenceInfo object Huawei returns in lists and details, as `viewer` may see it. */
export function conferenceInfo(meeting: SimMeeting, viewer: SimUser, kind: ConferenceInfoKind) {
  const soft = meeting.invitees.filter((i) => i.type !== "terminal");
  const hard = meeting.invitees.filter((i) => i.type === "terminal");
  const role = kind === "detail" ? callerRole(meeting, viewer) : undefined;
  return {
    conferenceID: meeting.conferenceID,
    mediaTypes: meeting.mediaTypes,
    subject: meeting.subject,
    size: meeting.invitees.length,
    timeZoneID: "56",
    startTime: huaweiTime(meeting.startedAt),
    endTime: huaweiTime(meeting.endedAt ?? meeting.scheduledEnd),
    // History items carry no state at all (D-0052's example); ongoing ones are "Created".
    ...(kind === "history" ? {} : { conferenceState: "Created" }),
    accessNumber: "+991117",
    language: "zh-CN",
    passwordEntry: passwordEntry(meeting, viewer),
    userUUID: meeting.scheduler.userUUID,
    scheduserName: meeting.scheduler.name,
    multiStreamFlag: 1,
    conferenceType: 0,
    confType: "IMMEDIATELY",
    isAutoMute: 1,
    isAutoRecord: meeting.recording ? 1 : 0,
    chairJoinUri: `https://c.meeting.huaweicloud.com/#/j/${meeting.conferenceID}/${meeting.confUUID}chair`,
    guestJoinUri: `https://c.meeting.huaweicloud.com/#/j/${meeting.conferenceID}/${meeting.confUUID}guest`,
    recordType: meeting.recording ? 2 : 0,
    confConfigInfo: { isSendNotify: true, isSendSms: false, isAutoMute: true, callInRestriction: 0 },
    vmrFlag: 0,
    scheduleVmr: false,
    partAttendeeInfo: [...soft.slice(0, 20), ...hard.slice(0, 20)].map((i) => ({ name: i.name, phone: masked(i.participantID), type: i.type })),
    terminlCount: hard.length,
    normalCount: soft.length,
    deptName: meeting.scheduler.deptName,
    confUUID: meeting.confUUID,
    confMode: meeting.confMode,
    ...(role ? { role } : {}),
    // Only the ongoing list counts who is in the meeting; confDetail never does.
    ...(kind === "online-list" ? { onlineAttendeeAmount: meeting.participants.size } : {}),
    ...(kind === "history" ? { isHasRecordFile: meeting.recording } : {}),
  };
}

/** confDetail's ParticipantInfo: the invitee's number is `participantID`; there is no `phone`. */
export function participantInfo(meeting: SimMeeting) {
  return meeting.invitees.map((i) => ({
    participantID: i.participantID,
    name: i.name,
    role: 0,
    state: "MEETTING",
    attendeeType: i.type,
    ...(i.accountId ? { accountId: i.accountId } : {}),
    ...(i.phone2 ? { phone2: i.phone2 } : {}),
    ...(i.phone3 ? { phone3: i.phone3 } : {}),
    ...(i.email ? { email: i.email } : {}),
    ...(i.deptName ? { deptName: i.deptName } : {}),
    ...(i.userUUID ? { userUUID: i.userUUID } : {}),
    isAutoInvite: 0,
    isNotOverlayPidName: false,
  }));
}

export type Language = "zh-CN" | "en-US";

/** Huawei answers in Chinese unless asked for English (Accept-Language, default zh-CN). */
export function languageOf(acceptLanguage: string | undefined): Language {
  return /^\s*en/i.test(acceptLanguage ?? "") ? "en-US" : "zh-CN";
}

// The English words are Huawei's (SEED3); the Chinese ones are inferred from Huawei's Chinese console.
const DEVICE_TEXT: Record<Language, Record<DeviceKind, string>> = {
  "en-US": { soft: "Soft client", mobile: "Mobile client", web: "Web client", terminal: "Hard terminal" },
  "zh-CN": { soft: "软终端", mobile: "移动终端", web: "Web终端", terminal: "硬终端" },
};
const MEDIA_TEXT: Record<Language, Record<SimSession["media"], string>> = {
  "en-US": { video: "Video", voice: "Voice" },
  "zh-CN": { video: "视频", voice: "语音" },
};

// Huawei documents operateCode only as "操作描述" (a description) and names no values: both
// languages' words are inferred from its clients' meeting-control menus.
const CONTROL_TEXT_ZH: Record<string, string> = {
  "Mute participant": "静音与会者",
  "Unmute participant": "取消静音与会者",
  "Mute all": "全场静音",
  "Unmute all": "取消全场静音",
  "Set co-host": "设置联席主持人",
  "Cancel co-host": "取消联席主持人",
  "Lock conference": "锁定会议",
  "Unlock conference": "解锁会议",
};

/** One confCtlRecord row, its words in the asked language. */
export function controlRecord(c: SimControl, language: Language): SimControl {
  if (language === "en-US") return c;
  return { ...c, operateCode: CONTROL_TEXT_ZH[c.operateCode] ?? c.operateCode, operateSource: c.operateSource === "PC client" ? "PC客户端" : c.operateSource, operateResult: c.operateResult === "success" ? "成功" : c.operateResult };
}

/** One confAttendeeRecord row, its device and media words in the asked language. */
export function attendeeRecord(s: SimSession, language: Language) {
  return {
    displayName: s.displayName,
    callNumber: s.callNumber,
    deviceType: DEVICE_TEXT[language][s.device],
    joinTime: s.joinTime,
    leftTime: s.leftTime,
    mediaType: MEDIA_TEXT[language][s.media],
    deptName: s.deptName,
  };
}
