import { describe, expect, it } from "vitest";
import type { Person } from "./attendance";
import { comparePeople } from "./person-order";

function person(name: string, joined: string, left: string, durationMs: number, sessions: number): Person {
  const session = { joinedAt: joined, leftAt: left, open: false, device: null, deviceKind: null, media: null, mediaKind: null };
  return {
    name,
    callNumber: null,
    department: null,
    firstJoinedAt: joined,
    lastLeftAt: left,
    durationMs,
    shareOfMeeting: 0,
    lateJoiner: false,
    earlyLeaver: false,
    sessions: Array.from({ length: sessions }, () => session),
  } as Person;
}

const ann = person("ann", "2026-11-21T09:05:00.000Z", "2026-11-21T10:00:00.000Z", 55 * 60_000, 1);
const bo = person("Bo", "2026-11-21T09:00:00.000Z", "2026-11-21T09:30:00.000Z", 30 * 60_000, 3);
const chen = person("陈明", "2026-11-21T09:00:00.000Z", "2026-11-21T10:30:00.000Z", 90 * 60_000, 2);
const names = (ps: Person[]) => ps.map((p) => p.name);

describe("ordering the attendance table", () => {
  it("sorts by each column both ways, equal keys by name", () => {
    // Chinese collation: Han names (by pinyin) before Latin ones, Latin without regard to case.
    expect(names([ann, bo, chen].sort(comparePeople("name", "asc")))).toEqual(["陈明", "ann", "Bo"]);
    expect(names([ann, bo, chen].sort(comparePeople("joined", "asc")))).toEqual(["陈明", "Bo", "ann"]);
    expect(names([ann, bo, chen].sort(comparePeople("left", "desc")))).toEqual(["陈明", "ann", "Bo"]);
    expect(names([ann, bo, chen].sort(comparePeople("attended", "desc")))).toEqual(["陈明", "ann", "Bo"]);
    expect(names([ann, bo, chen].sort(comparePeople("sessions", "desc")))).toEqual(["Bo", "陈明", "ann"]);
  });
});
