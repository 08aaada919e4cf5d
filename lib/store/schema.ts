import { z } from "zod";
import { roleSchema } from "@/lib/auth/viewer";

/**
 * The rows of every table, as zod schemas: the Kysely types below come from them, and rows read
 * from a store another version may have written are checked against them where it matters.
 * Column names are snake_case in SQL and camelCase here (Kysely's CamelCasePlugin).
 */
export const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{2,64}$/, "a username is 2 to 64 letters, digits, dots, dashes or underscores");

export const userRowSchema = z.object({
  username: usernameSchema,
  /** scrypt$... (lib/auth/password): never the password. */
  passwordHash: z.string(),
  role: roleSchema,
  /** The Huawei user a host signs in to Huawei as (App ID auth's `userId`). */
  huaweiUserId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const displayRowSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().trim().min(1).max(80),
  /** SHA-256 of the link's token: the token itself is shown once, at creation, and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The wall's URL settings ("only=attention&mask=initials"). */
  settings: z.string().max(1000),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type DisplayRow = z.infer<typeof displayRowSchema>;

export const revokedSessionRowSchema = z.object({
  sid: z.string(),
  /** Epoch ms. */
  revokedAt: z.number(),
  /** When the cookie would have expired anyway: the row is useless after it. */
  expiresAt: z.number(),
});
export type RevokedSessionRow = z.infer<typeof revokedSessionRowSchema>;

/** A past meeting as the collector copied it (no passwords or join links: they are never kept). */
export const archivedMeetingRowSchema = z.object({
  confUuid: z.string(),
  conferenceId: z.string(),
  subject: z.string(),
  schedulerName: z.string().nullable(),
  schedulerUuid: z.string().nullable(),
  deptName: z.string().nullable(),
  /** Epoch ms. */
  startedAt: z.number(),
  endedAt: z.number(),
  /** Huawei's ConferenceInfo, JSON. */
  conference: z.string(),
  /** Huawei's invitees (ParticipantInfo[]), JSON. */
  invitees: z.string(),
  recordCount: z.number().int(),
  collectedAt: z.number(),
  /** 1 once the meeting ended long enough ago that Huawei's records are final. */
  settled: z.number().int(),
});
export type ArchivedMeetingRow = z.infer<typeof archivedMeetingRowSchema>;

/** One join session, with Huawei's device and media words in both languages. */
export const attendanceRecordRowSchema = z.object({
  confUuid: z.string(),
  /** Its place in Huawei's list: records carry no id of their own. */
  seq: z.number().int(),
  displayName: z.string(),
  callNumber: z.string().nullable(),
  /** Who the record is of across meetings: `c:<number>`, or `n:<name>` without a number (lib/store/archive-rollups). */
  personKey: z.string(),
  /** The invitee's account where the record matches one (by number), for search by account. */
  account: z.string().nullable(),
  deptName: z.string().nullable(),
  joinTime: z.number(),
  leftTime: z.number().nullable(),
  /** The part of this session no earlier session of the same person in the meeting covers: summed, a person's exact time (a rejoin or second device never twice). */
  countedMs: z.number().int(),
  deviceZh: z.string().nullable(),
  deviceEn: z.string().nullable(),
  mediaZh: z.string().nullable(),
  mediaEn: z.string().nullable(),
});
export type AttendanceRecordRow = z.infer<typeof attendanceRecordRowSchema>;

/** One meeting-control operation of an archived meeting (Huawei's confCtlRecord), in Huawei's order. */
export interface ControlRecordRow {
  confUuid: string;
  seq: number;
  operateTime: number;
  operateSource: string | null;
  operator: string | null;
  operateCode: string | null;
  operationObject: string | null;
  operateResult: string | null;
  detail: string | null;
}

/** Who may see an archived meeting as a host: `uuid:<userUUID>` of its scheduler and invitees, `account:<id>` of invitees. */
export interface MeetingAccessRow {
  confUuid: string;
  userKey: string;
}

export interface ArchiveQueueRow {
  confUuid: string;
  /** Why it waits: "event" (Huawei said it ended), "retry" (a call failed), "unsettled" (records may still change). */
  reason: string;
  attempts: number;
  nextAt: number;
  lastError: string | null;
  addedAt: number;
}

export interface ArchiveStateRow {
  key: string;
  value: string;
}

/** A named lease: one holder at a time across the cluster, until it expires. */
export interface LeaseRow {
  name: string;
  holder: string;
  expiresAt: number;
}

/** Huawei event-push deliveries already acted on (appID, timestamp and nonce), kept past Huawei's 24 h of retries. */
export interface HuaweiEventSeenRow {
  id: string;
  seenAt: number;
}

/** A person seen in the archive: `c:<number>`, or `n:<name>` for records without a number. */
export interface ArchivePersonRow {
  personKey: string;
  displayName: string;
  callNumber: string | null;
  account: string | null;
  lastSeen: number;
}

/** One meeting's share of one department ("" for records without one). */
export interface MeetingDepartmentRow {
  confUuid: string;
  deptName: string;
  /** The meeting's start, to the UTC hour (epoch ms). */
  hour: number;
  attendances: number;
  personMs: number;
}

/** A department's sums over the meetings that started in one UTC hour. */
export interface DepartmentHourRow {
  hour: number;
  deptName: string;
  meetings: number;
  attendances: number;
  personMs: number;
}

/**
 * One person's session of an archived meeting as Huawei's quality APIs saw it (quality reference §5,
 * confType=history): which alarms they had (1 or 0), their device and network. Huawei keeps this
 * about three months; here it lasts as long as the meeting's attendance.
 */
export interface ArchiveQualityRow {
  confUuid: string;
  seq: number;
  participantId: string;
  displayName: string | null;
  /** Epoch ms, or null where Huawei gave none. */
  joinTime: number | null;
  terminalType: string | null;
  networkType: string | null;
  appVersion: string | null;
  audioSend: number;
  audioReceive: number;
  videoSend: number;
  videoReceive: number;
  screenSend: number;
  screenReceive: number;
  cpu: number;
}

/** An alert channel: where it sends is sealed; `target` is the URL's origin, to show. */
export interface AlertChannelRow {
  id: string;
  kind: string;
  name: string;
  /** iron-session seal of {url, secret}: the URL holds the platform's key or token. */
  sealed: string;
  target: string;
  language: string;
  /** JSON string[]. */
  mentions: string;
  /** JSON {to: string[], from: string | null} (email only). */
  recipients: string;
  hasSecret: number;
  createdAt: string;
  createdBy: string;
  failingSince: number | null;
  lastError: string | null;
  lastDeliveredAt: number | null;
}

export interface AlertRuleRow {
  id: string;
  owner: string;
  /** JSON of the rule (lib/alerts/alert-schemas ruleSchema without id, owner and createdAt). */
  body: string;
  createdAt: string;
}

/** A rule firing for a meeting; times are epoch ms. */
export interface AlertRow {
  id: string;
  ruleId: string;
  ruleName: string;
  /** "rule:conferenceID" while firing, null once recovered. */
  openKey: string | null;
  reason: string;
  severity: string;
  conferenceId: string;
  subject: string;
  hostName: string | null;
  detail: string;
  /** When the condition began to hold. */
  since: number;
  firedAt: number;
  clearedAt: number | null;
  lastNotifiedAt: number | null;
  ackedBy: string | null;
  ackedAt: number | null;
  silencedBy: string | null;
  silencedUntil: number | null;
}

/** One message to one channel, written before it is sent. */
export interface AlertOutboxRow {
  id: string;
  idemKey: string;
  alertId: string | null;
  channelId: string;
  kind: string;
  state: string;
  attempts: number;
  nextAttemptAt: number;
  claimedUntil: number | null;
  answer: string | null;
  summarized: number;
  createdAt: number;
  deliveredAt: number | null;
}

/** What the rules' evaluator last saw: when, and which covered meetings it could not watch (JSON). */
export interface AlertMonitorRow {
  name: string;
  evaluatedAt: number;
  unwatched: string;
}

/** One change in a watched meeting (the replay's log); times are epoch ms, `value` JSON. */
export interface MeetingEventRow {
  conferenceId: string;
  at: number;
  seenAt: number;
  pid: string;
  name: string;
  field: string;
  value: string;
  /** 1: the state as found when watching began (or a joiner's flags), not a change. */
  initial: number;
}

/** A stretch of time the log of a meeting was written without a break. */
export interface MeetingLogSpanRow {
  spanId: string;
  conferenceId: string;
  fromAt: number;
  toAt: number;
}

export interface Database {
  users: UserRow;
  displays: DisplayRow;
  revokedSessions: RevokedSessionRow;
  archivedMeetings: ArchivedMeetingRow;
  attendanceRecords: AttendanceRecordRow;
  controlRecords: ControlRecordRow;
  meetingAccess: MeetingAccessRow;
  archiveQueue: ArchiveQueueRow;
  archiveState: ArchiveStateRow;
  leases: LeaseRow;
  huaweiEventsSeen: HuaweiEventSeenRow;
  archivePeople: ArchivePersonRow;
  meetingDepartments: MeetingDepartmentRow;
  departmentHours: DepartmentHourRow;
  archiveQuality: ArchiveQualityRow;
  alertChannels: AlertChannelRow;
  alertRules: AlertRuleRow;
  alerts: AlertRow;
  alertOutbox: AlertOutboxRow;
  alertMonitor: AlertMonitorRow;
  meetingEvents: MeetingEventRow;
  meetingLogSpans: MeetingLogSpanRow;
}
