import { z } from "zod";

// Huawei answers grow new fields over time: z.object ignores unknown keys, and every
// field the dashboard does not strictly need is optional and nullable.

export const authResponseSchema = z.object({
  accessToken: z.string().min(1),
  validPeriod: z.number().nullish(),
  expireTime: z.number().nullish(),
  createTime: z.number().nullish(),
  user: z
    .object({
      userId: z.string().nullish(),
      name: z.string().nullish(),
      adminType: z.number().nullish(),
    })
    .nullish(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

const passwordEntrySchema = z.object({
  conferenceRole: z.string(),
  password: z.string().nullish(),
});

const partAttendeeSchema = z.object({
  name: z.string().nullish(),
  phone: z.string().nullish(),
  type: z.string().nullish(),
  role: z.number().nullish(),
});

export const conferenceInfoSchema = z.object({
  conferenceID: z.string().min(1),
  confUUID: z.string().nullish(),
  subject: z.string().nullish(),
  size: z.number().nullish(),
  timeZoneID: z.string().nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  mediaTypes: z.string().nullish(),
  conferenceState: z.string().nullish(),
  language: z.string().nullish(),
  accessNumber: z.string().nullish(),
  passwordEntry: z.array(passwordEntrySchema).nullish(),
  userUUID: z.string().nullish(),
  scheduserName: z.string().nullish(),
  confType: z.string().nullish(),
  isAutoRecord: z.number().nullish(),
  recordType: z.number().nullish(),
  isHasRecordFile: z.boolean().nullish(),
  partAttendeeInfo: z.array(partAttendeeSchema).nullish(),
  terminlCount: z.number().nullish(),
  normalCount: z.number().nullish(),
  deptName: z.string().nullish(),
  onlineAttendeeAmount: z.number().nullish(),
  confMode: z.string().nullish(),
  webinar: z.boolean().nullish(),
  /** The caller's own role in the meeting: chair, general or audience (confDetail only). */
  role: z.string().nullish(),
});
export type ConferenceInfo = z.infer<typeof conferenceInfoSchema>;

/** The `{offset, limit, count, data}` envelope every Huawei list answers with. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    offset: z.number().nullish(),
    limit: z.number().nullish(),
    count: z.number().int().min(0),
    data: z.array(item).nullish().transform((d) => d ?? []),
  });
}

/** An invitee in confDetail (PY participant_info.py): the number is `participantID`; there is no `phone`. */
export const participantInfoSchema = z.object({
  participantID: z.string().nullish(),
  name: z.string().nullish(),
  role: z.number().nullish(),
  attendeeType: z.string().nullish(),
  accountId: z.string().nullish(),
  phone2: z.string().nullish(),
  phone3: z.string().nullish(),
  email: z.string().nullish(),
  deptName: z.string().nullish(),
  userUUID: z.string().nullish(),
});
export type ParticipantInfo = z.infer<typeof participantInfoSchema>;

export const confDetailSchema = z.object({
  conferenceData: conferenceInfoSchema,
  data: pageSchema(participantInfoSchema).nullish(),
});

export const attendeeRecordSchema = z.object({
  displayName: z.string().nullish(),
  callNumber: z.string().nullish(),
  deviceType: z.string().nullish(),
  joinTime: z.number(),
  leftTime: z.number().nullish(),
  mediaType: z.string().nullish(),
  deptName: z.string().nullish(),
});
export type AttendeeRecord = z.infer<typeof attendeeRecordSchema>;

/** One meeting-control operation of a past meeting (PY conf_ctl_record_info.py): all text but the time. */
export const controlRecordSchema = z.object({
  operateTime: z.number(),
  operateSource: z.string().nullish(),
  operator: z.string().nullish(),
  operateCode: z.string().nullish(),
  operationObject: z.string().nullish(),
  operateResult: z.string().nullish(),
  detail: z.string().nullish(),
});
export type ControlRecord = z.infer<typeof controlRecordSchema>;

/**
 * One person online in an ongoing meeting (quality reference §9, PY online_attendee_record_info.py):
 * snake_case keys, role 1 for the chair and 0 for anyone else; needs no control token.
 */
export const onlineAttendeeSchema = z.object({
  participant_id: z.string().nullish(),
  name: z.string().nullish(),
  call_number: z.string().nullish(),
  role: z.number().nullish(),
  third_account: z.string().nullish(),
  account: z.string().nullish(),
  user_id: z.string().nullish(),
});
export type OnlineAttendee = z.infer<typeof onlineAttendeeSchema>;

export const conferenceListSchema = pageSchema(conferenceInfoSchema);
export const onlineAttendeeListSchema = pageSchema(onlineAttendeeSchema);
export const controlRecordListSchema = pageSchema(controlRecordSchema);
export const attendeeRecordListSchema = pageSchema(attendeeRecordSchema);
