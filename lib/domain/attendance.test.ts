import { describe, expect, it } from "vitest";
import type { AttendeeRecord } from "@/lib/huawei/schemas";
import { buildAttendance } from "./attendance";
import type { Meeting } from "./meeting";

const T0 = Date.UTC(2026, 10, 20, 2, 0);
const MIN = 60_000;
const meeting: Meeting = {
  conferenceID: "914083136",
  confUUID: "a".repeat(32),
  subject: "Review",
  hostName: "Alice",
  hostUserUUID: null,
  startTime: new Date(T0).toISOString(),
  endTime: new Date(T0 + 60 * MIN).toISOString(),
  timeZoneID: "56",
  mediaTypes: ["Voice"],
  state: "ended",
  participantCount: null,
  invitedCount: 3,
  confMode: null,
  recording: false,
  department: null,
  viewerHosts: null,
    health: null,
};
const rec = (name: string, call: string, join: number, left: number | null, device = "Soft client"): AttendeeRecord => ({
  displayName: name,
  callNumber: call,
  deviceType: device,
  mediaType: "Video",
  joinTime: T0 + join * MIN,
  leftTime: left === null ? null : T0 + left * MIN,
  deptName: null,
});

describe("buildAttendance", () => {
  const result = buildAttendance("a".repeat(32), meeting, [
    rec("Alice", "+861", 0, 60),
    rec("Bob", "+862", 0, 20),
    rec("Bob", "+862", 25, 60), // rejoined after a drop
    rec("Bob", "+862", 10, 30, "Mobile client"), // and a phone alongside
    rec("李雷", "+863", 20, null), // still in when the records were taken
    rec("Carol", "+864", 0, 40),
    rec("Carol", "+865", 50, 60), // same name, another number: another person
  ]);
  const person = (name: string, call?: string) => result.people.find((p) => p.name === name && (!call || p.callNumber === call))!;

  it("makes one person per name and call number, keeping every session", () => {
    expect(result.people).toHaveLength(5);
    expect(person("Bob").sessions).toHaveLength(3);
    expect(result.recordCount).toBe(7);
  });

  it("counts the union of a person's sessions", () => {
    expect(person("Bob").durationMs).toBe(60 * MIN);
    expect(person("Alice").durationMs).toBe(60 * MIN);
    expect(person("Carol", "+864").durationMs).toBe(40 * MIN);
  });

  it("ends open sessions with the meeting and says so", () => {
    const li = person("李雷");
    expect(li.sessions[0]!.open).toBe(true);
    expect(li.lastLeftAt).toBe(meeting.endTime);
    expect(li.durationMs).toBe(40 * MIN);
  });

  it("flags late joiners and early leavers", () => {
    expect(person("李雷").lateJoiner).toBe(true);
    expect(person("Carol", "+864").earlyLeaver).toBe(true);
    expect(person("Alice").lateJoiner || person("Alice").earlyLeaver).toBe(false);
  });

  it("summarises people, peak concurrency and the median time attended", () => {
    // At minute 20: Alice, Bob (two devices), 李雷, Carol(+864) = 4 people.
    expect(result.summary.people).toBe(5);
    expect(result.summary.peakConcurrent).toBe(4);
    expect(result.summary.peakAt).toBe(new Date(T0 + 20 * MIN).toISOString());
    expect(result.summary.medianDurationMs).toBe(40 * MIN);
    expect(person("Carol", "+865").shareOfMeeting).toBeCloseTo(10 / 60);
  });

  it("gives a chart series from the start to the end of the meeting", () => {
    expect(result.series[0]).toEqual({ t: meeting.startTime, count: 3 });
    expect(result.series.at(-1)!.t).toBe(meeting.endTime);
  });
});
