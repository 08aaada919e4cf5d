import { exclusiveLengths } from "@/lib/attendance/intervals";
import { meetingSpan, personKey, personName, sessionEnd } from "@/lib/domain/attendance";
import { toPastMeeting } from "@/lib/domain/meeting";
import type { HuaweiClient } from "@/lib/huawei/client";
import type { AttendeeRecord, ConferenceInfo, ControlRecord, ParticipantInfo } from "@/lib/huawei/schemas";
import { personKeyOf } from "@/lib/store/archive-rollups";
import type { ArchivedMeetingRow, ArchiveQualityRow, AttendanceRecordRow, ControlRecordRow } from "@/lib/store/schema";
import type { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import type { QosParticipantInfo } from "@/lib/huawei/quality-schemas";

export interface CollectedMeeting {
  meeting: ArchivedMeetingRow;
  records: AttendanceRecordRow[];
  accessKeys: string[];
  controls: ControlRecordRow[];
  /** Each person's quality alarms; undefined where Huawei gave none (an edition without them, a failure). */
  quality?: ArchiveQualityRow[];
}

/** Keys a host's access is checked against (see MeetingAccessRow). */
export const accessKey = {
  uuid: (userUUID: string) => `uuid:${userUUID}`,
  account: (account: string) => `account:${account}`,
};

/** Never kept: the passwords and join links Huawei hands an admin with a meeting. */
const SECRET_FIELDS = ["passwordEntry", "chairJoinUri", "guestJoinUri"];

function withoutSecrets(c: ConferenceInfo): ConferenceInfo {
  return Object.fromEntries(Object.entries(c).filter(([key]) => !SECRET_FIELDS.includes(key))) as ConferenceInfo;
}

/**
 * Copies one ended meeting from Huawei: its detail, every invitee, every record in both of
 * Huawei's languages, its control operations and, given `quality`, each person's quality alarms
 * (which Huawei keeps three months; a refusal or failure there loses the meeting nothing else).
 */
export async function fetchMeeting(huawei: HuaweiClient, confUUID: string, now: number, settleMs: number, quality?: HuaweiQualityApi): Promise<CollectedMeeting> {
  const caller = { queryAll: true };
  const [{ conference, invitees }, zh, en, controls, qos] = await Promise.all([
    huawei.pastMeeting(caller, confUUID),
    huawei.attendeeRecords(caller, confUUID, "zh-CN"),
    huawei.attendeeRecords(caller, confUUID, "en-US"),
    huawei.controlRecords(caller, confUUID),
    quality?.participants(confUUID, "history").catch(() => undefined),
  ]);
  const rows = archiveRows(confUUID, conference, invitees, zh, en, now, settleMs, controls);
  // An empty list is Huawei past its three months (or nobody came): nothing to keep, and nothing kept before is wiped.
  return qos?.length ? { ...rows, quality: qualityRows(confUUID, qos) } : rows;
}

/** Huawei's per-person quality summary (quality reference §5) as the store keeps it. */
export function qualityRows(confUUID: string, people: readonly QosParticipantInfo[]): ArchiveQualityRow[] {
  const bit = (b: boolean) => (b ? 1 : 0);
  return people.map((p, seq) => ({
    confUuid: confUUID,
    seq,
    participantId: p.participantID,
    displayName: p.displayName ?? null,
    joinTime: p.joinTime ?? null,
    terminalType: p.terminalType ?? null,
    networkType: p.networkType ?? null,
    appVersion: p.appVersion ?? null,
    audioSend: bit(p.audioAlarmSend),
    audioReceive: bit(p.audioAlarmRec),
    videoSend: bit(p.videoAlarmSend),
    videoReceive: bit(p.videoAlarmRec),
    screenSend: bit(p.screenAlarmSend),
    screenReceive: bit(p.screenAlarmRec),
    cpu: bit(p.cpuAlarm),
  }));
}

/** The rows of one meeting: records matched across the two languages by who and when (Huawei lists them in the same order). */
export function archiveRows(
  confUUID: string,
  conference: ConferenceInfo,
  invitees: readonly ParticipantInfo[],
  zh: readonly AttendeeRecord[],
  en: readonly AttendeeRecord[],
  now: number,
  settleMs: number,
  controls: readonly ControlRecord[] = [],
): CollectedMeeting {
  const meeting = toPastMeeting(conference);
  const { start, end } = meetingSpan(meeting, zh);
  const english = new Map<string, AttendeeRecord[]>();
  for (const r of en) {
    const k = sameSession(r);
    english.set(k, [...(english.get(k) ?? []), r]);
  }
  const accountByNumber = new Map<string, string>();
  for (const i of invitees) if (i.participantID && i.accountId) accountByNumber.set(i.participantID, i.accountId);

  const counted = new Map<number, number>();
  const byPerson = new Map<string, number[]>();
  zh.forEach((r, i) => byPerson.set(personKey(r), [...(byPerson.get(personKey(r)) ?? []), i]));
  for (const indexes of byPerson.values()) {
    const lengths = exclusiveLengths(indexes.map((i) => ({ start: zh[i]!.joinTime, end: sessionEnd(zh[i]!, end).end })));
    indexes.forEach((i, k) => counted.set(i, lengths[k]!));
  }

  const records: AttendanceRecordRow[] = zh.map((r, seq) => {
    const twin = english.get(sameSession(r))?.shift();
    return {
      confUuid: confUUID,
      seq,
      displayName: personName(r),
      callNumber: r.callNumber ?? null,
      personKey: personKeyOf({ displayName: personName(r), callNumber: r.callNumber ?? null }),
      account: (r.callNumber && accountByNumber.get(r.callNumber)) || null,
      deptName: r.deptName ?? null,
      joinTime: r.joinTime,
      leftTime: r.leftTime && r.leftTime > 0 ? r.leftTime : null,
      countedMs: counted.get(seq) ?? 0,
      deviceZh: r.deviceType ?? null,
      deviceEn: twin?.deviceType ?? null,
      mediaZh: r.mediaType ?? null,
      mediaEn: twin?.mediaType ?? null,
    };
  });

  // One key an invitee: their account (what a host signs in as), or their user UUID without one.
  const accessKeys = [
    ...(conference.userUUID ? [accessKey.uuid(conference.userUUID)] : []),
    ...invitees.flatMap((i) => (i.accountId ? [accessKey.account(i.accountId)] : i.userUUID ? [accessKey.uuid(i.userUUID)] : [])),
  ];
  return {
    meeting: {
      confUuid: confUUID,
      conferenceId: conference.conferenceID,
      subject: meeting.subject,
      schedulerName: meeting.hostName,
      schedulerUuid: meeting.hostUserUUID,
      deptName: meeting.department,
      startedAt: start,
      endedAt: end,
      conference: JSON.stringify(withoutSecrets(conference)),
      invitees: JSON.stringify(invitees),
      recordCount: records.length,
      collectedAt: now,
      settled: now - end >= settleMs ? 1 : 0,
    },
    records,
    accessKeys,
    controls: controls.map((c, seq) => ({
      confUuid: confUUID,
      seq,
      operateTime: c.operateTime,
      operateSource: c.operateSource ?? null,
      operator: c.operator ?? null,
      operateCode: c.operateCode ?? null,
      operationObject: c.operationObject ?? null,
      operateResult: c.operateResult ?? null,
      detail: c.detail ?? null,
    })),
  };
}

function sameSession(r: AttendeeRecord): string {
  return `${r.displayName ?? ""}\u0000${r.callNumber ?? ""}\u0000${r.joinTime}\u0000${r.leftTime ?? ""}`;
}
