import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { isoInZone } from "@/lib/zoned-time";

export const EXPORT_TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** A cell of an export: text, a number, an instant (written in the export's zone), or empty. */
export type ExportCell = string | number | { at: number } | null;

export interface ExportSheet {
  name: string;
  /** Label/value pairs above the table, naming what it is (meeting, host, date, zone). */
  about: [string, string][];
  header: string[];
  rows: ExportCell[][];
}

/**
 * A spreadsheet opens a cell starting with =, +, -, @, tab or carriage return as a formula: a
 * guest named `=HYPERLINK(...)` would run in the reader's Excel. Such text is written with a
 * leading apostrophe, which spreadsheets show as text.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** UTF-8 CSV with a BOM (so Excel reads Chinese right): the table only, times as ISO 8601 with the zone's offset. */
export function toCsv(sheet: ExportSheet, timeZone: string): string {
  const text = (c: ExportCell): string | number => (c === null ? "" : typeof c === "object" ? isoInZone(c.at, timeZone) : typeof c === "string" ? safeText(c) : c);
  return `\uFEFF${stringify([sheet.header.map(safeText), ...sheet.rows.map((r) => r.map(text))], { record_delimiter: "\r\n" })}`;
}

/**
 * Excel has no time zones: an instant becomes a real date-time cell showing the wall-clock time
 * in `timeZone` (named in the header and the block above), so it sorts and filters as a date.
 */
function localDate(ms: number, timeZone: string): Date {
  return new Date(`${isoInZone(ms, timeZone).slice(0, 19)}Z`);
}

/** A workbook: per sheet a block naming its subject, then a bold, frozen, filterable header and the rows. */
export async function toXlsx(sheets: ExportSheet[], timeZone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Meeting Monitor";
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name.slice(0, 31));
    for (const [label, value] of s.about) sheet.addRow([label, value]).getCell(1).font = { bold: true };
    if (s.about.length) sheet.addRow([]);
    const headerRow = sheet.addRow(s.header);
    headerRow.font = { bold: true };
    for (const r of s.rows) {
      const row = sheet.addRow(r.map((c) => (c !== null && typeof c === "object" ? localDate(c.at, timeZone) : c)));
      r.forEach((c, i) => {
        if (c !== null && typeof c === "object") row.getCell(i + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
      });
    }
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 30 : 20));
    sheet.views = [{ state: "frozen", ySplit: headerRow.number }];
    sheet.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number, column: s.header.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `attendance-2026-11-21-Company town hall.xlsx`: what, the local date, and the subject, safe in any file system. */
export function exportFileName(kind: string, localDay: string, subject: string | null, ext: "csv" | "xlsx"): string {
  const clean = (subject ?? "")
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 60);
  return `${[kind, localDay, clean].filter(Boolean).join("-")}.${ext}`;
}

/** A Content-Disposition naming the file in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
