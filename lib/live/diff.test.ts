import { describe, expect, it } from "vitest";
import { PublishedRows } from "./diff";

type Row = { id: string; v: number };
const row = (id: string, v = 0): Row => ({ id, v });

describe("PublishedRows", () => {
  it("sends every row first, then only what was added, changed or removed", () => {
    const rows = new PublishedRows<Row>((r) => r.id);
    const a = row("a");
    const b = row("b");
    expect(rows.diff([a, b])).toEqual({ upserts: [a, b], removes: [] });
    expect(rows.diff([a, b])).toEqual({ upserts: [], removes: [] });
    const b2 = row("b", 1);
    const c = row("c");
    expect(rows.diff([a, b2, c])).toEqual({ upserts: [b2, c], removes: [] });
    expect(rows.diff([c])).toEqual({ upserts: [], removes: ["a", "b"] });
    expect(rows.diff([c, a])).toEqual({ upserts: [a], removes: [] });
  });

  it("sends no row whose new object says the same as the old one", () => {
    const rows = new PublishedRows<Row>((r) => r.id);
    rows.diff([row("a", 1)]);
    expect(rows.diff([row("a", 1)])).toEqual({ upserts: [], removes: [] });
  });

  it("still sees a row gone when another is named twice (a list read page by page while it shifted)", () => {
    const rows = new PublishedRows<Row>((r) => r.id);
    const a = row("a");
    const b = row("b");
    rows.diff([a, b]);
    expect(rows.diff([a, a])).toEqual({ upserts: [], removes: ["b"] });
    expect(rows.diff([a, a, b])).toEqual({ upserts: [b], removes: [] });
  });
});
