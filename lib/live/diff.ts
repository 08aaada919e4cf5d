/** What changed between two lists keyed by id: rows added or changed, and ids gone. */
export function diffById<T>(prev: ReadonlyMap<string, T>, next: readonly T[], id: (row: T) => string): { upserts: T[]; removes: string[]; map: Map<string, T> } {
  const map = new Map<string, T>();
  const upserts: T[] = [];
  for (const row of next) {
    const key = id(row);
    map.set(key, row);
    const before = prev.get(key);
    if (before !== row && (before === undefined || JSON.stringify(before) !== JSON.stringify(row))) upserts.push(row);
  }
  const removes = [...prev.keys()].filter((key) => !map.has(key));
  return { upserts, removes, map };
}

/** The fields of `next` whose values differ from `prev`; undefined when none do. */
export function changedFields<T extends object>(prev: T, next: T): Partial<T> | undefined {
  const out: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (prev[key] !== next[key] && JSON.stringify(prev[key]) !== JSON.stringify(next[key])) {
      out[key] = next[key];
      any = true;
    }
  }
  return any ? out : undefined;
}
