import { describe, expect, it } from "vitest";
import type { Meeting } from "./meeting";
import { compareMeetings, LARGE_MEETING, ongoingTotals, ongoingView } from "./meeting-order";

function meeting(id: string, fields: Partial<Meeting>): Meeting {
  return {
    conferenceID: id,
    confUUID: null,
    subject: `Meeting ${id}`,
    hostName: null,
    hostUserUUID: null,
    startTime: null,
    endTime: null,
    timeZoneID: null,
    mediaTypes: [],
    state: "ongoing",
    participantCount: null,
    invitedCount: null,
    confMode: null,
    recording: false,
    department: null,
    viewerHosts: null,
    health: null,
    ...fields,
  };
}

const a = meeting("1", { subject: "budget review", hostName: "Zoe", startTime: "2026-11-23T08:00:00.000Z", endTime: "2026-11-23T09:00:00.000Z", participantCount: 12, invitedCount: 10 });
const b = meeting("2", { subject: "Board prep", hostName: "王静", startTime: "2026-11-23T07:00:00.000Z", endTime: "2026-11-23T10:00:00.000Z", participantCount: 1200, invitedCount: 1500, recording: true });
const c = meeting("3", { subject: "All hands 2", hostName: "alice", startTime: "2026-11-23T09:00:00.000Z", participantCount: null, invitedCount: 3 });
const d = meeting("4", { subject: "All hands 10", hostName: null, startTime: null, participantCount: 5, invitedCount: null });
const ids = (ms: Meeting[]) => ms.map((m) => m.conferenceID);
const sorted = (sort: Parameters<typeof compareMeetings>[0], dir: "asc" | "desc") => ids([a, b, c, d].sort(compareMeetings(sort, dir)));

describe("ordering meetings", () => {
  it("sorts subjects without regard to case, numbers as numbers", () => {
    expect(sorted("subject", "asc")).toEqual(["3", "4", "2", "1"]);
    expect(sorted("subject", "desc")).toEqual(["1", "2", "4", "3"]);
  });

  it("puts an unknown value last whichever the direction", () => {
    expect(sorted("host", "asc").at(-1)).toBe("4");
    expect(sorted("host", "desc").at(-1)).toBe("4");
    expect(sorted("present", "desc")).toEqual(["2", "1", "4", "3"]);
    expect(sorted("present", "asc")).toEqual(["4", "1", "2", "3"]);
    expect(sorted("invited", "desc")).toEqual(["2", "1", "3", "4"]);
  });

  it("orders by start, by running time (longest first is earliest start) and by length", () => {
    expect(sorted("start", "asc")).toEqual(["2", "1", "3", "4"]);
    expect(sorted("start", "desc")).toEqual(["3", "1", "2", "4"]);
    expect(sorted("running", "desc")).toEqual(["2", "1", "3", "4"]);
    expect(sorted("length", "desc")).toEqual(["2", "1", "3", "4"]);
  });

  it("is stable: equal keys fall back to the meeting ID", () => {
    const twins = [meeting("9", { participantCount: 5 }), meeting("8", { participantCount: 5 })];
    expect(ids(twins.sort(compareMeetings("present", "desc")))).toEqual(["8", "9"]);
  });
});

describe("the ongoing view", () => {
  it("searches subject, host and ID, filters, then sorts; totals cover everything", () => {
    expect(ids(ongoingView([a, b, c, d], { q: "ALL", show: "all", sort: "subject", dir: "asc" }))).toEqual(["3", "4"]);
    expect(ids(ongoingView([a, b, c, d], { q: "王", show: "all", sort: "start", dir: "asc" }))).toEqual(["2"]);
    expect(ids(ongoingView([a, b, c, d], { q: "", show: "recording", sort: "start", dir: "asc" }))).toEqual(["2"]);
    expect(ids(ongoingView([a, b, c, d], { q: "", show: "large", sort: "start", dir: "asc" }))).toEqual(["2"]);
    expect(LARGE_MEETING).toBe(100);
    expect(ongoingTotals([a, b, c, d])).toEqual({ meetings: 4, present: 1217, recording: 1, large: 1, quality: null, hosting: null });
    // A host's own list: the meetings they host, and those they are invited to.
    const mine = [{ ...a, viewerHosts: true }, { ...b, viewerHosts: false }, { ...c, viewerHosts: true }];
    expect(ids(ongoingView(mine, { q: "", show: "hosting", sort: "start", dir: "asc" }))).toEqual(["1", "3"]);
    expect(ids(ongoingView(mine, { q: "", show: "invited", sort: "start", dir: "asc" }))).toEqual(["2"]);
    expect(ongoingTotals(mine).hosting).toBe(2);
  });
});
