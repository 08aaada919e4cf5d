import { createTranslator } from "next-intl";
import { z } from "zod";
import { attachment, EXPORT_TYPES, exportFileName, toCsv, toXlsx } from "@/lib/export/sheet";
import { messagesFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { departmentPeriodSchema } from "@/lib/reports/department-report";
import { departmentSheet, seriesSheets, type ReportWords } from "@/lib/reports/report-exports";
import { services } from "@/lib/services";
import { dateInZone } from "@/lib/zoned-time";
import { HttpError } from "./errors";
import { conferenceIdSchema, parseOr400, queryObject, reportRangeSchema, timeZoneSchema } from "./validation";
import { DESK_ROLES, withViewer } from "./with-viewer";

const percentSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d+)?$/, "must be a percentage from 0 to 100")
  .transform(Number)
  .refine((n) => n <= 100, { error: "must be a percentage from 0 to 100" });

export const seriesQuerySchema = z.intersection(reportRangeSchema, z.object({ minShare: percentSchema.default(0), tz: timeZoneSchema }));
export const peopleQuerySchema = z.intersection(reportRangeSchema, z.object({ q: z.string().trim().min(1, "type a name, number or account").max(128, "must be at most 128 characters") }));
export const departmentsQuerySchema = z.intersection(reportRangeSchema, z.object({ by: departmentPeriodSchema.default("week"), tz: timeZoneSchema }));

function reportWords(locale: Locale): ReportWords {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "reports" });
  return (key, values) => t(key as never, values as never);
}

async function download(format: keyof typeof EXPORT_TYPES, sheets: Parameters<typeof toXlsx>[0], tz: string, name: string): Promise<Response> {
  const body = format === "csv" ? toCsv(sheets[0]!, tz) : new Uint8Array(await toXlsx(sheets, tz));
  return new Response(body, { headers: { "content-type": EXPORT_TYPES[format], "content-disposition": attachment(name) } });
}

/** `/api/series/{conferenceID}` and its `.csv` and `.xlsx` beside it (one dynamic segment holds the suffix). */
export const seriesRoute = withViewer<{ params: Promise<{ conferenceID: string }> }>(async (req, viewer, ctx) => {
  const raw = (await ctx.params).conferenceID;
  const format = /\.(csv|xlsx)$/.exec(raw)?.[1] as keyof typeof EXPORT_TYPES | undefined;
  const conferenceID = parseOr400(conferenceIdSchema, format ? raw.slice(0, -(format.length + 1)) : raw);
  const { from, to, minShare, tz } = parseOr400(seriesQuerySchema, queryObject(req.url));
  const report = await services().reports.series(viewer, conferenceID, { from, to }, minShare / 100);
  if (!report) throw new HttpError(404, "not_found", "No occurrence of this meeting is in the archive for this range.");
  if (!format) return Response.json(report);
  const locale = await requestLocale();
  const t = reportWords(locale);
  const name = exportFileName(t("export.seriesFile"), dateInZone(to, tz), report.subject, format);
  return download(format, seriesSheets(report, tz, t, (iso) => dateInZone(Date.parse(iso), tz)), tz, name);
}, DESK_ROLES);

export function departmentsRoute(format?: keyof typeof EXPORT_TYPES) {
  return withViewer(async (req, viewer) => {
    const { from, to, by, tz } = parseOr400(departmentsQuerySchema, queryObject(req.url));
    const report = await services().reports.departments(viewer, { from, to }, by, tz);
    if (!format) return Response.json(report);
    const t = reportWords(await requestLocale());
    return download(format, [departmentSheet(report, t)], tz, exportFileName(t("export.departmentsFile"), dateInZone(to, tz), null, format));
  }, DESK_ROLES);
}
