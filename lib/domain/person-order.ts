import type { Person } from "./attendance";
import { nameCollator } from "./collation";

export type PersonSort = "name" | "joined" | "left" | "attended" | "sessions";


const KEYS: Record<PersonSort, (p: Person) => string | number> = {
  name: (p) => p.name,
  joined: (p) => Date.parse(p.firstJoinedAt),
  left: (p) => Date.parse(p.lastLeftAt),
  attended: (p) => p.durationMs,
  sessions: (p) => p.sessions.length,
};

/** The attendance table's order: by the column asked, then by name and call number so equal rows keep their place. */
export function comparePeople(sort: PersonSort, dir: "asc" | "desc"): (a: Person, b: Person) => number {
  const key = KEYS[sort];
  const sign = dir === "asc" ? 1 : -1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === "string" ? nameCollator.compare(x, y as string) : x - (y as number);
    return sign * c || nameCollator.compare(a.name, b.name) || (a.callNumber ?? "").localeCompare(b.callNumber ?? "");
  };
}
