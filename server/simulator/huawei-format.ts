import type { SimMeeting, SimUser } from "./world";

/** ConferenceInfo times are "YYYY-MM-DD HH:MM" in UTC. */
export function huaweiTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace("T", " ");
}

/** The ConferenceInfo object Huawei returns in lists and details, as `viewer` may see it. */
export function conferenceInfo(meeting: SimMeeting, viewer: SimUser, state: "Created" | "Destroyed") {
  const seesChair = viewer.isAdmin || viewer.userUUID === meeting.scheduler.userUUID;
  const soft = meeting.invitees.filter((i) => i.type !== "terminal");
  const hard = meeting.invitees.filter((i) => i.type === "terminal");
  return {
    conferenceID: meeting.conferenceID,
    mediaTypes: meeting.mediaTypes,
    subject: meeting.subject,
    size: meeting.invitees.length,
    timeZoneID: "56",
    startTime: huaweiTime(meeting.startedAt),
    endTime: huaweiTime(meeting.endedAt ?? meeting.scheduledEnd),
    conferenceState: state,
    accessNumber: "+991117",
    language: "zh-CN",
    passwordEntry: [
      ...(seesChair ? [{ conferenceRole: "chair", password: meeting.chairPassword }] : []),
      { conferenceRole: "general", password: meeting.guestPassword },
    ],
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
    partAttendeeInfo: [...soft.slice(0, 20), ...hard.slice(0, 20)].map((i) => ({ name: i.name, phone: i.phone, type: i.type })),
    terminlCount: hard.length,
    normalCount: soft.length,
    deptName: meeting.scheduler.deptName,
    confUUID: meeting.confUUID,
    confMode: meeting.confMode,
    ...(state === "Created" ? { onlineAttendeeAmount: meeting.participants.size } : { isHasRecordFile: meeting.recording }),
  };
}

export function participantInfo(meeting: SimMeeting) {
  return meeting.invitees.map((i) => ({
    participantID: i.participantID,
    name: i.name,
    role: 0,
    state: "MEETTING",
    attendeeType: i.type,
    accountId: i.accountId,
    phone: i.phone,
    deptName: i.deptName,
    userUUID: i.userUUID,
    isAutoInvite: 0,
    isNotOverlayPidName: false,
  }));
}
