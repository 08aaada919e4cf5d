import { describe, expect, it } from "vitest";
import { fetchAllPages } from "./paging";

const rows = Array.from({ length: 1200 }, (_, i) => ({ id: `m${i}` }));

describe("fetchAllPages", () => {
  it("reads 1,200 rows in three pages of 500", async () => {
    const asked: [number, number][] = [];
    const { rows: got, count } = await fetchAllPages(
      async (offset, limit) => {
        asked.push([offset, limit]);
        return { count: rows.length, data: rows.slice(offset, offset + limit) };
      },
      (r) => r.id,
    );
    expect(count).toBe(1200);
    expect(got).toEqual(rows);
    expect(asked.sort((a, b) => a[0] - b[0])).toEqual([[0, 500], [500, 500], [1000, 500]]);
  });

  it("follows a server that caps pages below the asked limit", async () => {
    const { rows: got } = await fetchAllPages(
      async (offset) => ({ count: rows.length, data: rows.slice(offset, offset + 200) }),
      (r) => r.id,
    );
    expect(got).toHaveLength(1200);
  });

  it("drops rows that slid onto the next page while the list changed", async () => {
    const { rows: got } = await fetchAllPages(
      async (offset, limit) => {
        // Page two starts one row early, as if a meeting before it had ended meanwhile.
        const start = offset === 0 ? 0 : offset - 1;
        return { count: 1000, data: rows.slice(start, start + limit) };
      },
      (r) => r.id,
    );
    expect(new Set(got.map((r) => r.id)).size).toBe(got.length);
    expect(got).toHaveLength(999);
  });

  it("handles an empty list with a single call", async () => {
    let calls = 0;
    const { rows: got } = await fetchAllPages(
      async () => {
        calls += 1;
        return { count: 0, data: [] };
      },
      (r: { id: string }) => r.id,
    );
    expect(got).toEqual([]);
    expect(calls).toBe(1);
  });
});
