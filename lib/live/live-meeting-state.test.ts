import { describe, expect, it } from "vitest";
import type { PushFrame } from "@/lib/huawei/control-schemas";
import { HandMemory } from "./hand-memory";
import { LiveMeetingState } from "./live-meeting-state";

const full = (data: { pid: string; pinfoMap: Record<string, string> }[], createTime = 1000): PushFrame => ({
  action: "ParticipantsNotify",
  msgMode: 0,
  createTime,
  data: data.map((d) => ({ ...d, mode: 0 })),
});
const inc = (data: { pid: string; mode?: number; pinfoMap?: Record<string, string> }[], createTime = 2000): PushFrame => ({
  action: "ParticipantsNotify",
  msgMode: 1,
  createTime,
  data: data.map((d) => ({ mode: 0, ...d })),
});
const alice = { NAME: "Alice", ROLE: "1", IS_COHOST: "0", STATE: "0", MUTE: "0", HAND: "0", VIDEO: "1", CAMERASTATE: "1", SHARE: "0", ADDTIME: "1611988486336", CLIENT_LOGIN_TYPE: "Desktop", ACCOUNT: "alice" };
const bob = { NAME: "Bob", ROLE: "0", IS_COHOST: "0", STATE: "0", MUTE: "1", HAND: "0", VIDEO: "0", SHARE: "0", ADDTIME: "1611988487000" };

describe("LiveMeetingState", () => {
  it("maps a full ParticipantsNotify to participants", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]));
    const [a, b] = s.snapshot().participants;
    expect(a).toEqual({
      pid: "a",
      name: "Alice",
      role: "host",
      state: "in-meeting",
      muted: false,
      handRaised: false,
      camera: true,
      videoSite: true,
      sharing: false,
      joinedAt: "2021-01-30T06:34:46.336Z",
      handRaisedAt: null,
      handRaisedBefore: false,
      device: "Desktop",
      account: "alice",
      userUUID: null,
      number: null,
      quality: null,
    });
    expect(b).toMatchObject({ name: "Bob", role: "participant", muted: true, videoSite: false, camera: null });
    expect(s.sourceTime).toBe(1000);
  });

  it("merges increments that carry only the changed keys", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "b", pinfoMap: bob }]));
    s.apply(inc([{ pid: "b", pinfoMap: { MUTE: "0" } }]));
    expect(s.snapshot().participants[0]).toMatchObject({ name: "Bob", muted: false, videoSite: false });
  });

  it("makes a co-host from IS_COHOST alone, keeping ROLE from before", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "b", pinfoMap: bob }]));
    s.apply(inc([{ pid: "b", pinfoMap: { IS_COHOST: "1" } }]));
    expect(s.snapshot().participants[0]!.role).toBe("cohost");
  });

  it("removes on mode 1, and a full frame drops whoever it does not name", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]));
    s.apply(inc([{ pid: "b", mode: 1 }]));
    expect(s.snapshot().participants.map((p) => p.pid)).toEqual(["a"]);
    s.apply(inc([{ pid: "b", pinfoMap: bob }]));
    s.apply(full([{ pid: "b", pinfoMap: bob }]));
    expect(s.snapshot().participants.map((p) => p.pid)).toEqual(["b"]);
  });

  it("remembers when a hand went up, and forgets when it goes down", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "b", pinfoMap: bob }]), 5_000);
    s.apply(inc([{ pid: "b", pinfoMap: { HAND: "1" } }]), 10_000);
    s.apply(inc([{ pid: "b", pinfoMap: { MUTE: "0" } }]), 20_000);
    expect(s.snapshot().participants[0]!.handRaisedAt).toBe(new Date(10_000).toISOString());
    s.apply(inc([{ pid: "b", pinfoMap: { HAND: "0" } }]), 30_000);
    expect(s.snapshot().participants[0]!.handRaisedAt).toBeNull();
  });

  it("takes the camera from CAMERASTATE, not VIDEO: a video site with its camera off, an audio-only phone", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([
      { pid: "v", pinfoMap: { NAME: "Video client, camera off", VIDEO: "1", CAMERASTATE: "0" } },
      { pid: "p", pinfoMap: { NAME: "Phone", VIDEO: "0", CAMERASTATE: "0" } },
    ]));
    const [v, p] = s.snapshot().participants;
    expect(v).toMatchObject({ videoSite: true, camera: false });
    expect(p).toMatchObject({ videoSite: false, camera: false });
    s.apply(inc([{ pid: "v", pinfoMap: { CAMERASTATE: "1" } }]));
    expect(s.snapshot().participants[0]).toMatchObject({ videoSite: true, camera: true });
  });

  it("keeps the last pushed camera through realTimeInfo, and has none for someone seen only there", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }]));
    s.reconcile({ attendees: [], participants: [{ pid: "a", name: "Alice", state: 0, video: 1, mute: 0, hand: 0 }, { pid: "n", name: "New", state: 0, video: 1, mute: 0, hand: 0 }], confInfo: {} });
    const [a, n] = s.snapshot().participants;
    expect(a).toMatchObject({ videoSite: true, camera: true });
    expect(n).toMatchObject({ videoSite: true, camera: null });
  });

  it("marks hands already up when watching began as raised before it", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "b", pinfoMap: { ...bob, HAND: "1" } }]), 5_000);
    s.apply(inc([{ pid: "a", pinfoMap: { ...alice, HAND: "1" } }]), 9_000);
    const [b, a] = s.snapshot().participants;
    expect(b).toMatchObject({ handRaised: true, handRaisedBefore: true, handRaisedAt: new Date(5_000).toISOString() });
    expect(a).toMatchObject({ handRaised: true, handRaisedBefore: false, handRaisedAt: new Date(9_000).toISOString() });
  });

  it("a watcher started again in the same process keeps a waiting hand's time; a hand lowered meanwhile starts afresh", () => {
    const hands = new HandMemory();
    const first = new LiveMeetingState("1", undefined, hands);
    first.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]), 5_000);
    first.apply(inc([{ pid: "a", pinfoMap: { HAND: "1" } }, { pid: "b", pinfoMap: { HAND: "1" } }]), 9_000);
    const second = new LiveMeetingState("1", undefined, hands);
    second.apply(full([{ pid: "a", pinfoMap: { ...alice, HAND: "1" } }, { pid: "b", pinfoMap: bob }]), 60_000);
    expect(second.snapshot().participants[0]).toMatchObject({ handRaisedAt: new Date(9_000).toISOString(), handRaisedBefore: false });
    const third = new LiveMeetingState("1", undefined, hands);
    third.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: { ...bob, HAND: "1" } }]), 90_000);
    expect(third.snapshot().participants[1]).toMatchObject({ handRaisedAt: new Date(90_000).toISOString(), handRaisedBefore: true });
    expect(new LiveMeetingState("2", undefined, hands).snapshot().participants).toEqual([]);
  });

  it("keeps a pushed number in clear when realTimeInfo sends it masked", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: { ...alice, TEL: "+991116003815" } }]));
    s.reconcile({ attendees: [], participants: [{ pid: "a", name: "Alice", phone: "+99111****815", state: 0, video: 1, mute: 0, hand: 0 }], confInfo: {} });
    expect(s.snapshot().participants[0]!.number).toBe("+991116003815");
  });

  it("keeps the same object for a participant whose visible state did not change", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]));
    const before = s.snapshot().participants;
    s.apply(inc([{ pid: "b", pinfoMap: { MUTE: "0" } }, { pid: "a", pinfoMap: { ORG_ID: "44252" } }]));
    const after = s.snapshot().participants;
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it("reconciles with realTimeInfo: presence and flags from it, sharing and join time kept", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: { ...alice, SHARE: "1" } }, { pid: "b", pinfoMap: bob }]));
    s.reconcile({
      attendees: [],
      participants: [
        { pid: "a", name: "Alice", state: 0, video: 0, mute: 1, hand: 1 },
        { pid: "c", name: "Carol", state: 1, video: 0, mute: 0, hand: 0 },
      ],
      confInfo: { chairID: "a", coHosts: ["c"] },
    }, 50_000);
    const [a, c] = s.snapshot().participants;
    expect(a).toMatchObject({ pid: "a", role: "host", muted: true, handRaised: true, videoSite: false, sharing: true, joinedAt: "2021-01-30T06:34:46.336Z" });
    expect(c).toMatchObject({ pid: "c", role: "cohost", state: "calling" });
    expect(s.snapshot().participants).toHaveLength(2);
    expect(s.sourceTime).toBe(50_000);
  });

  it("lists who is present from Huawei's online attendee list (snake_case, role 1 the chair), without flags, and says so", () => {
    const s = new LiveMeetingState("1");
    // The reference's example record (quality reference §9), and a guest with no account.
    const zhang = { participant_id: "uzr571a9brwu11cvcibvru5a7r7rryiy", name: "Zhang San", call_number: "+99111283523475338", role: 1, third_account: "zhangsan", account: "zhangsan", user_id: "271682cfdbe14fa9ae3a8b25f7502627" };
    expect(s.presence([zhang, { participant_id: "g1", name: "Guest", call_number: "", role: 0 }], 10_000)).toBe(true);
    expect(s.snapshot().meeting.coverage).toBe("presence");
    const [z, g] = s.snapshot().participants;
    expect(z).toMatchObject({ pid: zhang.participant_id, name: "Zhang San", role: "host", number: "+99111283523475338", account: "zhangsan", userUUID: zhang.user_id, camera: null });
    expect(g).toMatchObject({ pid: "g1", role: "participant", number: null, account: null });
    expect(s.sourceTime).toBe(10_000);
    s.takeChanges();
    // The same list again is no news, and leaves the data's time alone.
    expect(s.presence([zhang, { participant_id: "g1", name: "Guest", call_number: "", role: 0 }], 20_000)).toBe(false);
    expect(s.sourceTime).toBe(10_000);
    // The chair leaves: gone from the list, gone from the grid.
    expect(s.presence([{ participant_id: "g1", name: "Guest", role: 0 }], 30_000)).toBe(true);
    expect(s.snapshot().participants.map((p) => p.pid)).toEqual(["g1"]);
    // A row changed again before anyone published the first change is news all the same.
    expect(s.presence([{ participant_id: "g1", name: "Guest Renamed", role: 0 }], 35_000)).toBe(true);
    expect(s.presence([{ participant_id: "g1", name: "Guest Renamed Again", role: 0 }], 36_000)).toBe(true);
    expect(s.takeChanges().changed).toEqual(new Set([zhang.participant_id, "g1"]));
    // With the host password, realTimeInfo is the source again and the flags are real.
    s.reconcile({ attendees: [], participants: [{ pid: "g1", name: "Guest", state: 0, video: 1, mute: 1, hand: 1 }], confInfo: { chairID: "g1", coHosts: [] } }, 40_000);
    expect(s.snapshot().meeting.coverage).toBe("full");
    expect(s.snapshot().participants[0]).toMatchObject({ pid: "g1", role: "host", muted: true, handRaised: true });
    // A hand already up when the flags first became known was raised before, not now; and it is no change seen.
    expect(s.snapshot().participants[0]!.handRaisedBefore).toBe(true);
    expect(s.changesOf("g1")).toEqual([]);
  });

  it("keeps a log of changes for the replay: the state as found, then each change with Huawei's time, and who left", () => {
    const s = new LiveMeetingState("1");
    const log: { at: number; pid: string; field: string; value: unknown; initial: boolean }[] = [];
    const begun: number[] = [];
    s.events = { begin: (at) => begun.push(at), event: (e) => log.push({ at: e.at, pid: e.pid, field: e.field, value: e.value, initial: e.initial }) };
    s.apply({ action: "ParticipantsNotify", msgMode: 0, createTime: 1_000, data: [{ pid: "a", mode: 0, pinfoMap: { NAME: "Ann", MUTE: "1", HAND: "0", ROLE: "1" } }] }, 5_000);
    expect(begun).toEqual([1_000]);
    expect(log.filter((e) => e.initial).map((e) => e.field)).toEqual(["locked", "present", "muted", "handRaised", "camera", "sharing", "role"]);
    log.length = 0;
    s.apply({ action: "ParticipantsNotify", msgMode: 1, createTime: 2_000, data: [{ pid: "a", mode: 0, pinfoMap: { MUTE: "0" } }, { pid: "b", mode: 0, pinfoMap: { NAME: "Bo" } }] }, 6_000);
    expect(log.filter((e) => !e.initial)).toEqual([
      { at: 2_000, pid: "a", field: "muted", value: false, initial: false },
      { at: 2_000, pid: "b", field: "present", value: true, initial: false },
    ]);
    log.length = 0;
    // A camera state learnt for the first time is the state as found, not a change anyone made.
    s.apply({ action: "ParticipantsNotify", msgMode: 1, createTime: 2_500, data: [{ pid: "a", mode: 0, pinfoMap: { CAMERASTATE: "1" } }] }, 6_500);
    expect(log).toEqual([{ at: 2_500, pid: "a", field: "camera", value: true, initial: true }]);
    log.length = 0;
    s.apply({ action: "ParticipantsNotify", msgMode: 1, createTime: 3_000, data: [{ pid: "b", mode: 1 }] }, 7_000);
    expect(log).toEqual([{ at: 3_000, pid: "b", field: "present", value: false, initial: false }]);
  });

  it("logs who starts and stops speaking, a connection's mark changing, and the lock; the details panel gets the marks", () => {
    const s = new LiveMeetingState("1");
    const log: { at: number; pid: string; field: string; value: unknown; initial: boolean }[] = [];
    s.events = { begin: () => undefined, event: (e) => log.push({ at: e.at, pid: e.pid, field: e.field, value: e.value, initial: e.initial }) };
    // Speakers before watching began are the state as found.
    s.apply({ action: "SpeakerChangeNotify", createTime: 500, data: [{ pid: "a", speakingVolume: 50 }] }, 4_000);
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }], 1_000), 5_000);
    expect(log.filter((e) => e.field === "speaking")).toEqual([{ at: 1_000, pid: "a", field: "speaking", value: true, initial: true }]);
    log.length = 0;
    s.apply({ action: "SpeakerChangeNotify", createTime: 2_000, data: [{ pid: "b", speakingVolume: 60 }, { pid: "ghost", speakingVolume: 90 }] }, 6_000);
    // Someone not present is not logged as speaking.
    expect(log).toEqual([
      { at: 2_000, pid: "b", field: "speaking", value: true, initial: false },
      { at: 2_000, pid: "a", field: "speaking", value: false, initial: false },
    ]);
    log.length = 0;
    s.apply({ action: "SpeakerChangeNotify", createTime: 2_100, data: [{ pid: "b", speakingVolume: 20 }] }, 6_100);
    expect(log).toEqual([]);
    s.apply({ action: "ConfDynamicInfoNotify", state: "Created", lock: 1, createTime: 3_000 }, 7_000);
    s.apply({ action: "ConfDynamicInfoNotify", state: "Created", lock: 1, createTime: 3_100 }, 7_100);
    expect(log).toEqual([{ at: 3_000, pid: "", field: "locked", value: true, initial: false }]);
    log.length = 0;
    const measured = (level: "good" | "poor" | "bad", at: number) => ({ level, latencyMs: 10, jitterMs: 1, lossPercent: 0, at: new Date(at).toISOString() });
    s.setQuality(new Map([["a", measured("good", 8_000)], ["b", measured("poor", 8_000)]]));
    s.setQuality(new Map([["b", measured("poor", 9_000)]]));
    s.setQuality(new Map([["b", measured("good", 10_000)]]));
    // Logged at Huawei's measure, when what is shown changed.
    expect(log).toEqual([
      { at: 8_000, pid: "b", field: "quality", value: "poor", initial: false },
      { at: 10_000, pid: "b", field: "quality", value: "good", initial: false },
    ]);
    expect(s.changesOf("b").map((c) => [c.field, c.value])).toEqual([["quality", "poor"], ["quality", "good"]]);
  });

  it("takes meeting facts from ConfBasicInfo and the end from ConfDynamicInfo", () => {
    const s = new LiveMeetingState("900487914");
    s.apply({ action: "ConfBasicInfoNotify", title: "Zhang San's meeting", owner: "Zhang San", startTime: "1611988484164", msgMode: 0, createTime: 1 });
    s.apply({ action: "ConfDynamicInfoNotify", state: "Created", lock: 1, recState: 1, createTime: 2 });
    expect(s.meeting).toMatchObject({ subject: "Zhang San's meeting", hostName: "Zhang San", state: "ongoing", locked: true, recording: true });
    s.apply({ action: "ConfDynamicInfoNotify", state: "Destroyed", createTime: 3 });
    expect(s.meeting.state).toBe("ended");
  });

  it("keeps the three loudest speakers and the invitee list", () => {
    const s = new LiveMeetingState("1");
    s.apply({ action: "SpeakerChangeNotify", data: [{ pid: "x", speakingVolume: 10 }, { pid: "y", speakingVolume: 80 }, { pid: "z", speakingVolume: 40 }, { pid: "w", speakingVolume: 5 }] });
    s.apply({ action: "AttendeesNotify", msgMode: 0, data: [{ mode: 0, name: "Zhang San", accountId: "zhangsan", type: "normal", role: 1, participantID: "+991116003815", phone: "+99111****815" }] });
    expect(s.snapshot().speakers).toEqual(["y", "z", "x"]);
    // The same people louder or softer: the same list, nothing for the pages to be sent.
    const list = s.snapshot().speakers;
    s.apply({ action: "SpeakerChangeNotify", data: [{ pid: "x", speakingVolume: 90 }, { pid: "y", speakingVolume: 10 }, { pid: "z", speakingVolume: 50 }] });
    expect(s.snapshot().speakers).toBe(list);
    expect(s.snapshot().attendees).toEqual([
      { name: "Zhang San", role: "host", type: "normal", accountId: "zhangsan", userUUID: null, phone: "+991116003815", otherPhones: [], email: null, department: null },
    ]);
  });

  it("keeps each participant's changes seen since watching began, not the state found on arrival", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]), 1_000);
    expect(s.changesOf("b")).toEqual([]);
    s.apply(inc([{ pid: "b", pinfoMap: { MUTE: "0", HAND: "1" } }]), 2_000);
    s.apply(inc([{ pid: "b", pinfoMap: { IS_COHOST: "1" } }]), 3_000);
    s.apply(inc([{ pid: "c", pinfoMap: { NAME: "Cy" } }]), 4_000);
    expect(s.changesOf("b").map((c) => [c.at, c.field, c.value])).toEqual([
      ["1970-01-01T00:00:02.000Z", "muted", false],
      ["1970-01-01T00:00:02.000Z", "handRaised", true],
      ["1970-01-01T00:00:03.000Z", "role", "cohost"],
    ]);
    expect(s.changesOf("c")).toEqual([{ at: "1970-01-01T00:00:04.000Z", field: "present", value: true }]);
    // Bounded per person, and gone with them.
    for (let i = 0; i < 300; i++) s.apply(inc([{ pid: "b", pinfoMap: { MUTE: String(i % 2) } }]), 5_000 + i);
    expect(s.changesOf("b")).toHaveLength(100);
    s.apply(inc([{ pid: "b", mode: 1 }]), 9_000);
    expect(s.changesOf("b")).toEqual([]);
  });

  it("names the rows each change touched, so a topic can look at those alone", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]));
    expect([...s.takeChanges().changed]).toEqual(["a", "b"]);
    const before = s.snapshot().participants[0];
    s.apply(inc([{ pid: "b", pinfoMap: { MUTE: "0" } }]));
    const hint = s.takeChanges();
    expect([...hint.changed]).toEqual(["b"]);
    expect(hint.byId.get("b")?.muted).toBe(false);
    // Untouched rows stay the same objects: that is what lets the topic skip them.
    expect(s.snapshot().participants[0]).toBe(before);
    s.apply(inc([{ pid: "b", pinfoMap: { MUTE: "0" } }]));
    expect([...s.takeChanges().changed]).toEqual([]);
    s.apply(inc([{ pid: "a", mode: 1 }]));
    expect([...s.takeChanges().changed]).toEqual(["a"]);
  });
});

describe("LiveMeetingState quality", () => {
  it("changes a row only when its mark changes, and carries the newest figures with the next change", () => {
    const s = new LiveMeetingState("1");
    s.apply(full([{ pid: "a", pinfoMap: alice }, { pid: "b", pinfoMap: bob }]));
    s.takeChanges();
    const q = (level: "good" | "poor" | "bad", latencyMs: number) => ({ level, latencyMs, jitterMs: 5, lossPercent: 0, at: new Date(latencyMs).toISOString() });
    // A first "good" shows nothing new (no mark either way): no change, the figures kept for later.
    expect(s.setQuality(new Map([["a", q("good", 40)]]))).toBe(false);
    expect(s.takeChanges().changed.size).toBe(0);
    expect(s.setQuality(new Map([["b", q("poor", 200)]]))).toBe(true);
    expect([...s.takeChanges().changed]).toEqual(["b"]);
    expect(s.setQuality(new Map([["a", q("good", 45)]]))).toBe(false);
    expect(s.takeChanges().changed.size).toBe(0);
    s.apply(inc([{ pid: "a", pinfoMap: { MUTE: "1" } }]));
    expect(s.snapshot().participants[0]!.quality).toMatchObject({ level: "good", latencyMs: 45 });
    expect(s.setQuality(new Map([["a", q("bad", 400_000)], ["nobody", q("bad", 1)]]))).toBe(true);
    // The patch is as new as the measure that made it.
    expect(s.sourceTime).toBe(400_000);
    expect(s.snapshot().participants[0]!.quality).toMatchObject({ level: "bad", latencyMs: 400_000 });
  });
});
