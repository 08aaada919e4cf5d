import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildAttendance } from "@/lib/domain/attendance";
import { clearChairPassword, toAttendee, toMeeting, toPastMeeting } from "@/lib/domain/meeting";
import { missingInvitees } from "@/lib/domain/presence";
import { LiveMeetingState } from "@/lib/live/live-meeting-state";
import { pushFrameSchema, realTimeInfoSchema } from "./control-schemas";
import { readErrorBody } from "./error-body";
import { attendeeRecordListSchema, conferenceListSchema, confDetailSchema } from "./schemas";

// Huawei's documented example answers, verbatim (doc-examples/README.md): what the dashboard
// makes of them is checked against Huawei's words, not against our own simulator.
const example = (name: string): unknown => JSON.parse(readFileSync(new URL(`./doc-examples/${name}.json`, import.meta.url), "utf8"));

describe("Huawei's documented examples through the client's schemas and mappers", () => {
  it("ongoing meetings list: one ongoing meeting; the example carries no head count", () => {
    const list = conferenceListSchema.parse(example("online-meetings"));
    expect(list.count).toBe(1);
    expect(toMeeting(list.data[0]!)).toEqual({
      conferenceID: "914083136",
      confUUID: "050c7898216811eaa6958bf3bb9ac167",
      subject: "user01's meeting",
      hostName: "user8002",
      hostUserUUID: "ff808081699b56cb0169be103500012b",
      startTime: "2019-12-18T07:28:00.000Z",
      endTime: "2019-12-18T09:28:00.000Z",
      timeZoneID: "56",
      mediaTypes: ["Voice", "Data", "Video"],
      state: "ongoing",
      participantCount: null,
      invitedCount: 1,
      confMode: null,
      recording: false,
      department: "wangyue",
      viewerHosts: null,
    health: null,
    });
  });

  it("confDetail: the invitee's number is participantID, and a masked chair password is no password", () => {
    const detail = confDetailSchema.parse(example("conf-detail"));
    expect(toAttendee(detail.data!.data[0]!)).toEqual({
      name: "user01",
      role: "participant",
      type: "normal",
      accountId: "user01",
      userUUID: null,
      phone: "+991116003815",
      otherPhones: [],
      email: null,
      department: null,
    });
    expect(clearChairPassword(detail.conferenceData)).toBeUndefined();
    expect(toMeeting(detail.conferenceData).participantCount).toBeNull();
  });

  it("realTimeInfo: muted, a video site, camera unknown, number masked", () => {
    const state = new LiveMeetingState("914083136");
    state.reconcile(realTimeInfoSchema.parse(example("realtime-info")), 1_000);
    expect(state.snapshot().participants).toEqual([
      {
        pid: "a6b4e988216c11eabc516bc3a3d8d6c4",
        name: "user01",
        role: "participant",
        state: "in-meeting",
        muted: true,
        handRaised: false,
        camera: null,
        videoSite: true,
        sharing: false,
        joinedAt: null,
        handRaisedAt: null,
        handRaisedBefore: false,
        device: null,
        account: null,
        userUUID: null,
        number: "+99111****815",
        quality: null,
      },
    ]);
  });

  it("confAttendeeRecord: two people, their devices and media recognised", () => {
    const records = attendeeRecordListSchema.parse(example("attendee-records"));
    const meeting = toPastMeeting({ conferenceID: "914083388", startTime: "2019-11-18 23:31", endTime: "2019-11-18 23:32" });
    const attendance = buildAttendance("9a0fa6d10a5b11eaae5e191763c22c0e", meeting, records.data);
    expect(meeting.state).toBe("ended");
    expect(attendance.people.map((p) => [p.name, p.callNumber, p.durationMs])).toEqual([
      ["user8002", "+991116004380", 39_009],
      ["+991116005905", "+991116005905", 12_153],
    ]);
    expect(attendance.people[0]!.sessions[0]).toMatchObject({ device: "Soft client", deviceKind: "soft", media: "Video", mediaKind: "video" });
  });

  it("push frames: Zhang San is the host, muted, camera on, a video site; the invitee is matched by account", () => {
    const state = new LiveMeetingState("900487914");
    for (const name of ["conf-basic-info-notify", "conf-dynamic-info-notify", "participants-notify", "attendees-notify", "speaker-change-notify"]) {
      state.apply(pushFrameSchema.parse(example(name)), 5_000);
    }
    const { meeting, participants, attendees, speakers } = state.snapshot();
    expect(meeting).toMatchObject({ subject: "Zhang San's meeting", hostName: "Zhang San", state: "ongoing", startTime: "2021-01-30T06:34:44.164Z", endTime: "2021-01-30T08:19:44.164Z", locked: false, recording: false });
    expect(participants).toEqual([
      {
        pid: "uzr571a9brwu11cvcibvru5a7r7rryiy",
        name: "Zhang San",
        role: "host",
        state: "in-meeting",
        muted: true,
        handRaised: false,
        camera: true,
        videoSite: true,
        sharing: false,
        joinedAt: "2021-01-30T06:34:46.336Z",
        handRaisedAt: null,
        handRaisedBefore: false,
        device: "Desktop",
        account: "zhangsan",
        userUUID: "271682cfdbe14fa9ae3a8b25f7502627",
        number: "+86571299676493248",
        quality: null,
      },
    ]);
    expect(attendees).toEqual([
      { name: "Zhang San", role: "host", type: "normal", accountId: "zhangsan", userUUID: "271682cfdbe14fa9ae3a8b25f7502627", phone: "+86571********", otherPhones: [], email: null, department: "department2" },
    ]);
    expect(missingInvitees(attendees, participants)).toEqual([]);
    // SpeakerChangeNotify names a pid not in the participant list; it is kept as Huawei sent it.
    expect(speakers).toEqual(["w5v17oiroco5zy9boia91yar1a17wzvy"]);
  });

  it("an InviteResultNotify, not subscribed to, is ignored rather than refused", () => {
    expect(pushFrameSchema.safeParse(example("invite-result-notify")).success).toBe(false);
  });

  it("the documented error body gives its code and message", () => {
    expect(readErrorBody({ error_code: "MMC.111072065", error_msg: "CONF_NOT_FOUND_OR_AUTH_FAILED" })).toEqual({ code: "MMC.111072065", message: "CONF_NOT_FOUND_OR_AUTH_FAILED" });
  });
});
