import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachment, exportFileName, safeText, toCsv, toXlsx, type ExportSheet } from "./sheet";

const at = Date.parse("2026-11-21T03:30:00Z"); // 11:30 in Shanghai
const sheet: ExportSheet = {
  name: "People",
  about: [
    ["Meeting", "Town hall (954742838)"],
    ["Time zone", "Asia/Shanghai"],
  ],
  header: ["Name", "Joined (Asia/Shanghai)", "Minutes"],
  rows: [
    ['=HYPERLINK("http://evil.example","x")', { at }, 12.5],
    ["+1 555", null, 3],
    ["-Bob", { at }, 0],
    ["@sum(A1)", { at }, 1],
    ["\tTab", { at }, 1],
    ["\rReturn", { at }, 1],
    ["王小明 = fine", { at }, 1],
  ],
};

describe("safe export cells", () => {
  it("neutralises text a spreadsheet would run as a formula, and leaves the rest alone", () => {
    for (const bad of ["=1+1", "+1", "-1", "@x", "\tx", "\rx"]) expect(safeText(bad)).toBe(`'${bad}`);
    for (const good of ["Alice", "王小明", "a=b", "1-2", ""]) expect(safeText(good)).toBe(good);
  });

  it("writes no cell of a CSV that starts with =, +, -, @, tab or carriage return", () => {
    const csv = toCsv(sheet, "Asia/Shanghai").slice(1);
    const cells = csv.split("\r\n").flatMap((line) => line.split(",")).map((c) => c.replace(/^"/, ""));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("2026-11-21T11:30:00+08:00");
    expect(csv.startsWith("Name,Joined (Asia/Shanghai),Minutes\r\n")).toBe(true);
  });
});

describe("Excel exports", () => {
  it("name the subject first, then a frozen, filterable header, with real date-time cells in the zone", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx([sheet], "Asia/Shanghai")) as unknown as ArrayBuffer);
    const ws = book.getWorksheet("People")!;
    expect(ws.getCell("A1").value).toBe("Meeting");
    expect(ws.getCell("B1").value).toBe("Town hall (954742838)");
    expect(ws.getCell("B2").value).toBe("Asia/Shanghai");
    expect(ws.getRow(4).values).toEqual([undefined, "Name", "Joined (Asia/Shanghai)", "Minutes"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.autoFilter).toBe("A4:C4");
    const joined = ws.getCell("B5");
    expect(joined.value).toBeInstanceOf(Date);
    // The wall-clock time in Shanghai, as Excel (which has no zones) shows it.
    expect((joined.value as Date).toISOString()).toBe("2026-11-21T11:30:00.000Z");
    expect(joined.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(ws.getCell("C5").value).toBe(12.5);
    // Text stays text in a workbook: it is never a formula cell.
    expect(ws.getCell("A5").type).toBe(ExcelJS.ValueType.String);
  });
});

describe("export file names", () => {
  it("carry the kind, the local date and the subject, safe for any file system", () => {
    expect(exportFileName("attendance", "2026-11-21", "Company town hall 全员大会", "csv")).toBe("attendance-2026-11-21-Company town hall 全员大会.csv");
    expect(exportFileName("attendance", "2026-11-21", 'Q4: plan / "final"?', "xlsx")).toBe("attendance-2026-11-21-Q4 plan final.xlsx");
    expect(exportFileName("ongoing-meetings", "2026-11-23", null, "csv")).toBe("ongoing-meetings-2026-11-23.csv");
    expect(attachment("参会记录-2026-11-21.csv")).toBe(`attachment; filename="____-2026-11-21.csv"; filename*=UTF-8''${encodeURIComponent("参会记录-2026-11-21.csv")}`);
  });
});
