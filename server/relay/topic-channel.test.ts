import { describe, expect, it } from "vitest";
import type { MeetingTopicData, Participant } from "@/lib/domain/participant";
import { meetingTopic, TopicChannel } from "./topic-channel";

const person = (i: number, over: Partial<Participant> = {}): Participant => ({
  pid: `p${i}`,
  name: `Person ${i}`,
  role: "participant",
  state: "in-meeting",
  muted: true,
  handRaised: false,
  camera: false,
  videoSite: true,
  sharing: false,
  joinedAt: "2026-11-21T10:00:00.000Z",
  handRaisedAt: null,
  handRaisedBefore: false,
  device: "Desktop",
  account: `user${i}`,
  userUUID: null,
  number: null,
  quality: null,
  ...over,
});
const data = (participants: Participant[], over: Partial<MeetingTopicData> = {}): MeetingTopicData => ({
  meeting: { conferenceID: "1", subject: "S", hostName: "H", startTime: null, endTime: null, state: "ongoing", locked: false, recording: false, coverage: "full" },
  participants,
  attendees: [],
  speakers: [],
  ...over,
});

describe("TopicChannel", () => {
  const thousand = Array.from({ length: 1000 }, (_, i) => person(i));

  it("starts with a snapshot", () => {
    const ch = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    const out = ch.publish(data(thousand), 111);
    expect(out?.event).toBe("snapshot");
    expect(out?.payload).toMatchObject({ topic: "meeting", conferenceID: "1", seq: 1, sourceTime: 111 });
  });

  it("sends one unmute in a 1,000-person meeting as a patch of a few hundred bytes", () => {
    const ch = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    ch.publish(data(thousand), 1);
    const next = thousand.map((p, i) => (i === 500 ? { ...p, muted: false } : { ...p }));
    const out = ch.publish(data(next), 2)!;
    expect(out.event).toBe("patch");
    expect(out.payload).toMatchObject({ seq: 2, sourceTime: 2, upserts: [next[500]], removes: [] });
    expect(JSON.stringify(out.payload).length).toBeLessThan(500);
    expect(JSON.stringify(ch.snapshot()).length).toBeGreaterThan(100_000);
  });

  it("reports leaves as removes and joins as upserts", () => {
    const ch = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    ch.publish(data([person(1), person(2)]), 1);
    const out = ch.publish(data([person(2), person(3)]), 2)!;
    expect(out.payload).toMatchObject({ upserts: [person(3)], removes: ["p1"] });
  });

  it("sends nothing and keeps seq when nothing changed", () => {
    const ch = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    ch.publish(data([person(1)]), 1);
    expect(ch.publish(data([person(1)]), 2)).toBeUndefined();
    expect(ch.seq).toBe(1);
  });

  it("carries changed meeting fields and speakers", () => {
    const ch = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    const first = data([person(1)]);
    ch.publish(first, 1);
    const out = ch.publish({ ...first, meeting: { ...first.meeting, state: "ended" }, speakers: ["p1"] }, 2)!;
    expect(out.payload).toMatchObject({ meeting: { state: "ended" }, speakers: ["p1"], upserts: [] });
    expect(Object.keys((out.payload as { meeting: object }).meeting)).toEqual(["state"]);
  });

  it("continues another instance's numbering after a takeover", () => {
    const ch = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    ch.resumeFrom(41);
    expect(ch.publish(data([person(1)]), 1)?.payload.seq).toBe(42);
  });

  it("publishes the same patch from a source's hint as from comparing every row", () => {
    const hinted = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    const compared = new TopicChannel({ topic: "meeting", conferenceID: "1" }, meetingTopic);
    const rows = new Map(thousand.map((p) => [p.pid, p]));
    hinted.publish(data([...rows.values()]), 1);
    compared.publish(data([...rows.values()]), 1);
    rows.set("p7", { ...rows.get("p7")!, muted: false });
    rows.delete("p9");
    rows.set("p1000", person(1000));
    const next = data([...rows.values()]);
    const out = hinted.publish(next, 2, { byId: rows, changed: new Set(["p7", "p9", "p1000"]) });
    expect(out).toEqual(compared.publish(next, 2));
    expect(out?.payload).toMatchObject({ upserts: [rows.get("p7"), rows.get("p1000")], removes: ["p9"] });
  });
});
