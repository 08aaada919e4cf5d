/** Huawei never returns more than 500 rows a page, whatever `limit` asks for. */
export const HUAWEI_MAX_PAGE = 500;

export interface Page<T> {
  count: number;
  data: T[];
}

/**
 * Reads a whole Huawei list: the first page tells `count`, the rest are fetched concurrently
 * (the transport's rate budget keeps that polite). Rows that slide between pages while a live
 * list changes are dropped by `key`, so nothing is shown twice.
 */
export async function fetchAllPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  key: (row: T) => string,
  pageSize = HUAWEI_MAX_PAGE,
): Promise<{ rows: T[]; count: number }> {
  const first = await fetchPage(0, pageSize);
  const offsets: number[] = [];
  // Step by what a page really holds: a server that caps below pageSize must not leave gaps.
  const step = Math.max(1, Math.min(pageSize, first.data.length || pageSize));
  for (let offset = step; offset < first.count; offset += step) offsets.push(offset);
  const rest = await Promise.all(offsets.map((offset) => fetchPage(offset, pageSize)));
  const seen = new Set<string>();
  const rows: T[] = [];
  for (const page of [first, ...rest]) {
    for (const row of page.data) {
      const k = key(row);
      if (seen.has(k)) continue;
      seen.add(k);
      rows.push(row);
    }
  }
  return { rows, count: first.count };
}
