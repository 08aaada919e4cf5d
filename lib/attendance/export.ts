import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { AttendanceResponse } from "@/lib/domain/attendance";
import { deviceLabel, mediaLabel } from "@/lib/domain/record-words";
import { isoInZone } from "@/lib/zoned-time";

const minutes = (ms: number) => Math.round(ms / 600) / 100;

const PEOPLE_HEADER = ["Name", "Call number", "Department", "First joined", "Last left", "Minutes attended", "Share of meeting (%)", "Sessions", "Late joiner", "Early leaver"];
const SESSION_HEADER = ["Name", "Call number", "Joined", "Left", "Minutes", "Device", "Media", "Still in when recorded"];

function peopleRows(att: AttendanceResponse, tz: string): (string | number)[][] {
  return att.people.map((p) => [
    p.name,
    p.callNumber ?? "",
    p.department ?? "",
    isoInZone(Date.parse(p.firstJoinedAt), tz),
    isoInZone(Date.parse(p.lastLeftAt), tz),
    minutes(p.durationMs),
    Math.round(p.shareOfMeeting * 1000) / 10,
    p.sessions.length,
    p.lateJoiner ? "yes" : "no",
    p.earlyLeaver ? "yes" : "no",
  ]);
}

function sessionRows(att: AttendanceResponse, tz: string): (string | number)[][] {
  return att.people.flatMap((p) =>
    p.sessions.map((s) => [
      p.name,
      p.callNumber ?? "",
      isoInZone(Date.parse(s.joinedAt), tz),
      isoInZone(Date.parse(s.leftAt), tz),
      minutes(Date.parse(s.leftAt) - Date.parse(s.joinedAt)),
      deviceLabel(s),
      mediaLabel(s),
      s.open ? "yes" : "no",
    ]),
  );
}

/** One row per person. UTF-8 with a BOM, so Excel reads Chinese names right. */
export function attendanceCsv(att: AttendanceResponse, tz: string): string {
  return `\uFEFF${stringify([PEOPLE_HEADER, ...peopleRows(att, tz)], { record_delimiter: "\r\n" })}`;
}

/** A workbook with a people sheet and a sessions sheet. */
export async function attendanceXlsx(att: AttendanceResponse, tz: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Meeting Monitor";
  for (const [name, header, rows] of [
    ["People", PEOPLE_HEADER, peopleRows(att, tz)],
    ["Sessions", SESSION_HEADER, sessionRows(att, tz)],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow([...header]).font = { bold: true };
    sheet.addRows(rows);
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 20));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function exportFileName(att: AttendanceResponse, ext: "csv" | "xlsx"): string {
  const day = att.summary.meetingStart.slice(0, 10);
  return `attendance-${att.meeting.conferenceID}-${day}.${ext}`;
}
