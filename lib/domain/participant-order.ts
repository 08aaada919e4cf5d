import { z } from "zod";
import type { Participant } from "./participant";
import { nameCollator } from "./collation";

export const participantSortSchema = z.enum(["attention", "name", "role", "joined"]);
export type ParticipantSort = z.infer<typeof participantSortSchema>;

const ROLE_RANK: Record<Participant["role"], number> = { host: 0, cohost: 1, participant: 2, audience: 3 };
const byName = (a: Participant, b: Participant) => nameCollator.compare(a.name, b.name) || a.pid.localeCompare(b.pid);

/** Hands up first (longest waiting first), then hosts and co-hosts, then by name: who needs the host now. */
function byAttention(a: Participant, b: Participant): number {
  if (a.handRaised !== b.handRaised) return a.handRaised ? -1 : 1;
  if (a.handRaised && b.handRaised) return (a.handRaisedAt ?? "").localeCompare(b.handRaisedAt ?? "") || byName(a, b);
  return ROLE_RANK[a.role] - ROLE_RANK[b.role] || byName(a, b);
}

const ORDERS: Record<ParticipantSort, (a: Participant, b: Participant) => number> = {
  attention: byAttention,
  name: byName,
  role: (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || byName(a, b),
  // Unknown join times last.
  joined: (a, b) => (a.joinedAt === b.joinedAt ? byName(a, b) : a.joinedAt === null ? 1 : b.joinedAt === null ? -1 : a.joinedAt.localeCompare(b.joinedAt)),
};

/** The live grid's order; `desc` reverses it (the attention order reversed is rarely wanted, but allowed). */
export function compareParticipants(sort: ParticipantSort, dir: "asc" | "desc"): (a: Participant, b: Participant) => number {
  const order = ORDERS[sort];
  return dir === "asc" ? order : (a, b) => order(b, a);
}
