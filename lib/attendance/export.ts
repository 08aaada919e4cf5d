import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { AttendanceResponse } from "@/lib/domain/attendance";
import { deviceLabel, mediaLabel, type RecordWords } from "@/lib/domain/record-words";
import { isoInZone } from "@/lib/zoned-time";

const minutes = (ms: number) => Math.round(ms / 600) / 100;

type ExportKey =
  | "peopleSheet"
  | "sessionsSheet"
  | "name"
  | "callNumber"
  | "department"
  | "firstJoined"
  | "lastLeft"
  | "minutesAttended"
  | "share"
  | "sessions"
  | "lateJoiner"
  | "earlyLeaver"
  | "joined"
  | "left"
  | "minutes"
  | "device"
  | "media"
  | "stillIn"
  | "yes"
  | "no"
  | "fileName";

/** The words of an export in the reader's language: the `exports` catalogue, and device/media names. */
export interface ExportWords {
  t: (key: ExportKey, values?: Record<string, string>) => string;
  records: RecordWords;
}

function peopleSheet(att: AttendanceResponse, tz: string, { t }: ExportWords): (string | number)[][] {
  const yesNo = (b: boolean) => t(b ? "yes" : "no");
  const header = [t("name"), t("callNumber"), t("department"), t("firstJoined", { zone: tz }), t("lastLeft", { zone: tz }), t("minutesAttended"), t("share"), t("sessions"), t("lateJoiner"), t("earlyLeaver")];
  return [
    header,
    ...att.people.map((p) => [
      p.name,
      p.callNumber ?? "",
      p.department ?? "",
      isoInZone(Date.parse(p.firstJoinedAt), tz),
      isoInZone(Date.parse(p.lastLeftAt), tz),
      minutes(p.durationMs),
      Math.round(p.shareOfMeeting * 1000) / 10,
      p.sessions.length,
      yesNo(p.lateJoiner),
      yesNo(p.earlyLeaver),
    ]),
  ];
}

function sessionSheet(att: AttendanceResponse, tz: string, { t, records }: ExportWords): (string | number)[][] {
  const header = [t("name"), t("callNumber"), t("joined", { zone: tz }), t("left", { zone: tz }), t("minutes"), t("device"), t("media"), t("stillIn")];
  return [
    header,
    ...att.people.flatMap((p) =>
      p.sessions.map((s) => [
        p.name,
        p.callNumber ?? "",
        isoInZone(Date.parse(s.joinedAt), tz),
        isoInZone(Date.parse(s.leftAt), tz),
        minutes(Date.parse(s.leftAt) - Date.parse(s.joinedAt)),
        deviceLabel(s, records),
        mediaLabel(s, records),
        t(s.open ? "yes" : "no"),
      ]),
    ),
  ];
}

/** One row per person. UTF-8 with a BOM, so Excel reads Chinese names right. */
export function attendanceCsv(att: AttendanceResponse, tz: string, words: ExportWords): string {
  return `\uFEFF${stringify(peopleSheet(att, tz, words), { record_delimiter: "\r\n" })}`;
}

/** A workbook with a people sheet and a sessions sheet, named in the reader's language. */
export async function attendanceXlsx(att: AttendanceResponse, tz: string, words: ExportWords): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Meeting Monitor";
  for (const [name, [header, ...rows]] of [
    [words.t("peopleSheet"), peopleSheet(att, tz, words)],
    [words.t("sessionsSheet"), sessionSheet(att, tz, words)],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(header).font = { bold: true };
    sheet.addRows(rows);
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 20));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `attendance-123456789-2026-11-23.csv` / `参会记录-123456789-2026-11-23.csv`. */
export function exportFileName(att: AttendanceResponse, ext: "csv" | "xlsx", words: ExportWords): string {
  const day = att.summary.meetingStart.slice(0, 10);
  return `${words.t("fileName")}-${att.meeting.conferenceID}-${day}.${ext}`;
}

/** A Content-Disposition naming the file in ASCII for old clients and in UTF-8 (RFC 6266) for the rest. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
