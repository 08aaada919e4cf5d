import { describe, expect, it } from "vitest";
import type { Attendee } from "./meeting";
import type { Participant } from "./participant";
import { missingInvitees } from "./presence";
import { participant } from "./participant-fixture";

const invitee = (a: Partial<Attendee> & { name: string }): Attendee => ({
  role: "participant",
  type: "normal",
  accountId: null,
  userUUID: null,
  phone: null,
  otherPhones: [],
  email: null,
  department: null,
  ...a,
});

const present = (p: Partial<Participant> & { pid: string; name: string }): Participant => participant(p);

const names = (list: Attendee[]) => list.map((a) => `${a.name}/${a.accountId ?? a.phone}`);

describe("missingInvitees", () => {
  it("does not let a namesake who is present hide an invitee who is not", () => {
    const wang1 = invitee({ name: "王伟", accountId: "wang.a1", phone: "+991116000001" });
    const wang2 = invitee({ name: "王伟", accountId: "wang.b2", phone: "+991116000002" });
    const here = [present({ pid: "p1", name: "王伟", account: "wang.a1" })];
    expect(names(missingInvitees([wang1, wang2], here))).toEqual(["王伟/wang.b2"]);
  });

  it("matches by Huawei user id when the account is not pushed", () => {
    const a = invitee({ name: "Alice Chen", userUUID: "u-1" });
    expect(missingInvitees([a], [present({ pid: "p", name: "alice (phone)", userUUID: "u-1" })])).toEqual([]);
  });

  it("matches by number, a masked number included, when there is no account", () => {
    const guest = invitee({ name: "Guest", phone: "+991116003815", type: "outside" });
    const second = invitee({ name: "Other", phone: "+86 138-0000-0000", otherPhones: ["+991116009999"], type: "mobile" });
    const here = [present({ pid: "a", name: "+99111****815", number: "+99111****815" }), present({ pid: "b", name: "someone", number: "+991116009999" })];
    expect(missingInvitees([guest, second], here)).toEqual([]);
  });

  it("never pairs two different accounts by number or by name", () => {
    const a = invitee({ name: "Zhang San", accountId: "zhangsan", phone: "+991116000001" });
    const here = [present({ pid: "p", name: "Zhang San", account: "zhangsan.other", number: "+991116000001" })];
    expect(missingInvitees([a], here)).toEqual([a]);
  });

  it("falls back to the name, one person for one invitee", () => {
    const a = invitee({ name: "Tom" });
    const b = invitee({ name: "Tom" });
    expect(missingInvitees([a, b], [present({ pid: "p", name: "tom" })])).toHaveLength(1);
  });

  it("answers for 1,200 invitees and 1,000 people in a few milliseconds", () => {
    const invitees = Array.from({ length: 1200 }, (_, i) => invitee({ name: `Person ${i % 900}`, accountId: `acc${i}`, phone: `+99111600${String(i).padStart(4, "0")}` }));
    const here = Array.from({ length: 1000 }, (_, i) => present({ pid: `p${i}`, name: `Person ${i % 900}`, account: `acc${i}` }));
    const t = performance.now();
    expect(missingInvitees(invitees, here)).toHaveLength(200);
    expect(performance.now() - t).toBeLessThan(100);
  });
});
