import { describe, expect, it } from "vitest";
import { meetingStore } from "./stores";

const meeting = { conferenceID: "1", subject: "S", hostName: null, startTime: null, endTime: null, state: "ongoing" as const, locked: false, recording: false, coverage: "full" as const };
const p = (pid: string, muted = true) => ({ pid, name: pid, role: "participant" as const, state: "in-meeting" as const, muted, handRaised: false, camera: null, videoSite: false, sharing: false, joinedAt: null, handRaisedAt: null, handRaisedBefore: false, device: null, account: null, userUUID: null, number: null, quality: null });
const snapshot = { topic: "meeting" as const, conferenceID: "1", seq: 5, sourceTime: 1, data: { meeting, participants: [p("a"), p("b")], attendees: [], speakers: [] } };
const patch = (seq: number, extra: object = {}) => ({ topic: "meeting" as const, conferenceID: "1", seq, sourceTime: seq, upserts: [], removes: [], ...extra });

describe("TopicStore", () => {
  it("builds from a snapshot and applies the next patch", () => {
    const s = meetingStore();
    s.applySnapshot(snapshot);
    expect(s.applyPatch(patch(6, { upserts: [p("a", false), p("c")], removes: ["b"], meeting: { state: "ended" } }))).toBe("applied");
    expect([...s.rows.keys()]).toEqual(["a", "c"]);
    expect(s.rows.get("a")!.muted).toBe(false);
    expect(s.fields!.meeting).toEqual({ ...meeting, state: "ended" });
    expect(s.seq).toBe(6);
  });

  it("refuses a patch after a gap, and ignores an old one", () => {
    const s = meetingStore();
    expect(s.applyPatch(patch(1))).toBe("gap");
    s.applySnapshot(snapshot);
    expect(s.applyPatch(patch(7))).toBe("gap");
    expect(s.applyPatch(patch(5))).toBe("stale");
    expect(s.seq).toBe(5);
  });

  it("rejects a snapshot whose data is malformed", () => {
    expect(() => meetingStore().applySnapshot({ ...snapshot, data: { participants: "nope" } })).toThrow();
  });
});
