import { describe, expect, it } from "vitest";
import type { Participant } from "./participant";
import { participant } from "./participant-fixture";
import { compareParticipants } from "./participant-order";

const p = (pid: string, fields: Partial<Participant>): Participant => participant({ pid, ...fields });

const host = p("h", { name: "Zed", role: "host", joinedAt: "2026-11-23T09:00:00.000Z" });
const early = p("e", { name: "amy", joinedAt: "2026-11-23T08:59:00.000Z" });
const hand1 = p("a", { name: "Bo", handRaised: true, handRaisedAt: "2026-11-23T09:10:00.000Z", joinedAt: "2026-11-23T09:05:00.000Z" });
const hand2 = p("b", { name: "Al", handRaised: true, handRaisedAt: "2026-11-23T09:12:00.000Z" });
const cohost = p("c", { name: "Cy", role: "cohost", joinedAt: "2026-11-23T09:01:00.000Z" });
const order = (sort: Parameters<typeof compareParticipants>[0], dir: "asc" | "desc" = "asc") => [host, early, hand1, hand2, cohost].sort(compareParticipants(sort, dir)).map((x) => x.pid);

describe("ordering the live grid", () => {
  it("puts raised hands first, longest waiting first, then hosts, then names", () => {
    expect(order("attention")).toEqual(["a", "b", "h", "c", "e"]);
  });

  it("sorts by name, role and join time, unknown join times last", () => {
    expect(order("name")).toEqual(["b", "e", "a", "c", "h"]);
    expect(order("role")).toEqual(["h", "c", "b", "e", "a"]);
    expect(order("joined")).toEqual(["e", "h", "c", "a", "b"]);
    expect(order("joined", "desc")).toEqual(["b", "a", "c", "h", "e"]);
  });
});
