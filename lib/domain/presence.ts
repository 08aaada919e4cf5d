import type { Attendee } from "./meeting";
import type { Participant as LiveParticipant } from "./participant";

/** Who someone present is, as far as matching goes: a live participant, or a past meeting's attendee. */
export type Present = Pick<LiveParticipant, "name" | "account" | "userUUID" | "number">;

/** A number as digits (and a leading + or Huawei's masking `*`); null when it holds no digit. */
function normaliseNumber(n: string | null | undefined): string | null {
  const cleaned = n?.replace(/[^\d+*]/g, "") ?? "";
  return /\d/.test(cleaned) ? cleaned : null;
}

const lower = (s: string | null | undefined) => s?.trim().toLowerCase() || null;

/** How a masked number ("+99111****815") is shaped: the clear digits kept before and after the stars. */
interface MaskShape {
  head: number;
  tail: number;
  length: number;
}

function maskShape(masked: string): MaskShape {
  return { head: masked.indexOf("*"), tail: masked.length - masked.lastIndexOf("*") - 1, length: masked.length };
}

function maskKey(n: string, shape: MaskShape): string | null {
  return n.length === shape.length ? `${n.slice(0, shape.head)}*${n.slice(n.length - shape.tail)}|${shape.length}` : null;
}

/** Participants by a key each may have several of; `take` hands out the first not yet matched. */
class Index {
  private readonly byKey = new Map<string, Present[]>();

  add(key: string | null, p: Present): void {
    if (!key) return;
    const list = this.byKey.get(key);
    if (list) list.push(p);
    else this.byKey.set(key, [p]);
  }

  take(key: string | null, free: Set<Present>, fits: (p: Present) => boolean): Present | undefined {
    const hit = key ? this.byKey.get(key)?.find((p) => free.has(p) && fits(p)) : undefined;
    if (hit) free.delete(hit);
    return hit;
  }
}

/** Both sides carry an identity of the same kind: if the account pass did not pair them, they are two people. */
function comparable(a: Attendee, p: Present): boolean {
  return Boolean((a.accountId && p.account) || (a.userUUID && p.userUUID));
}

/**
 * Invitees not present, matched one to one: by account (ACCOUNT / ACCOUNT_ID against accountId /
 * userUUID), then by number (a masked number matches the clear one it fits), and only then by
 * name; a number or a name never pairs two people whose accounts differ. So two people of the
 * same name never hide each other. Indexed, so a 1,000-person meeting costs milliseconds.
 */
export function missingInvitees(invitees: readonly Attendee[], participants: readonly Present[]): Attendee[] {
  const free = new Set(participants);
  const byAccount = new Index();
  const byUser = new Index();
  const byNumber = new Index();
  const byName = new Index();
  const shapes = new Map<string, MaskShape>();
  for (const p of participants) {
    byAccount.add(lower(p.account), p);
    byUser.add(p.userUUID, p);
    byName.add(lower(p.name), p);
    const number = normaliseNumber(p.number);
    if (number?.includes("*")) {
      const shape = maskShape(number);
      shapes.set(`${shape.head}|${shape.tail}|${shape.length}`, shape);
      byNumber.add(maskKey(number, shape), p);
    } else byNumber.add(number, p);
  }

  const waiting = new Set(invitees);
  const pass = (find: (a: Attendee) => Present | undefined) => {
    for (const a of waiting) if (find(a)) waiting.delete(a);
  };
  const anyone = () => true;
  pass((a) => byAccount.take(lower(a.accountId), free, anyone) ?? byUser.take(a.userUUID, free, anyone));
  const compatible = (a: Attendee) => (p: Present) => !comparable(a, p);
  pass((a) => {
    for (const raw of [a.phone, ...a.otherPhones]) {
      const n = normaliseNumber(raw);
      if (!n) continue;
      const hit = byNumber.take(n, free, compatible(a)) ?? [...shapes.values()].map((s) => byNumber.take(maskKey(n, s), free, compatible(a))).find(Boolean);
      if (hit) return hit;
    }
    return undefined;
  });
  pass((a) => byName.take(lower(a.name), free, compatible(a)));
  return invitees.filter((a) => waiting.has(a));
}
