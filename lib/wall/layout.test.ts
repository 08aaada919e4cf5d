import { describe, expect, it } from "vitest";
import { capacity, paginate, ROW, TILE } from "./layout";

const hd = { width: 1890, height: 950, fontSize: 19.6 };
const uhd = { width: 3790, height: 2000, fontSize: 29.2 };
const meetings = (n: number, urgentEvery = 5) => Array.from({ length: n }, (_, i) => ({ id: i, urgent: i % urgentEvery === 0 }));
const urgent = (m: { urgent: boolean }) => m.urgent;

describe("the wall's layout", () => {
  it("fits more tiles on a 4K screen than at 1080p", () => {
    const fit = (a: typeof hd) => capacity(a, TILE).columns * capacity(a, TILE).rows;
    expect(fit(uhd)).toBeGreaterThan(fit(hd));
    expect(capacity(hd, ROW).columns * capacity(hd, ROW).rows).toBeGreaterThan(fit(hd) * 2);
  });

  it("shows tiles while every meeting fits as one, compact rows past that", () => {
    expect(paginate(meetings(8), urgent, hd)).toMatchObject({ form: "tiles", pages: [meetings(8)] });
    const forty = paginate(meetings(40), urgent, hd);
    expect(forty.form).toBe("rows");
    expect(forty.pages).toHaveLength(1);
    // Rows that would fill half the screen are drawn larger, and still fit it.
    expect(forty.scale).toBeGreaterThan(1);
    const rowPx = ROW.heightEm * hd.fontSize * forty.scale + 0.6 * hd.fontSize;
    expect(Math.ceil(40 / forty.columns) * rowPx).toBeLessThanOrEqual(hd.height + 0.6 * hd.fontSize + 0.01);
  });

  it("pages past one screen of rows, every page showing every meeting that needs someone, and every meeting on some page", () => {
    const all = meetings(1_200, 100).sort((a, b) => Number(b.urgent) - Number(a.urgent));
    const { pages } = paginate(all, urgent, hd);
    const perPage = capacity(hd, ROW).columns * capacity(hd, ROW).rows;
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(perPage);
      expect(page.filter(urgent)).toHaveLength(12);
    }
    expect(new Set(pages.flat().map((m) => m.id)).size).toBe(1_200);
  });

  it("when more than half a page needs someone, pages go through everything, most urgent first", () => {
    const all = meetings(1_200, 1);
    const { pages } = paginate(all, urgent, hd);
    expect(pages.flat()).toEqual(all);
  });
});
