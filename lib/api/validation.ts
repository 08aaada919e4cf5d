import { z } from "zod";
import { historySortSchema, ongoingShowSchema, ongoingSortSchema, sortDirSchema } from "@/lib/domain/meeting-order";
import { canonicalTimeZone } from "@/lib/zoned-time";
import { HttpError } from "./errors";

export const conferenceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{1,32}$/, "a conference ID is 1 to 32 letters and digits");

/** A number from a query string: absent takes the default, but present and empty (`offset=`) is an error, not 0. */
const queryNumber = () =>
  z
    .string()
    .refine((s) => s.trim() !== "", { error: "must be a number" })
    .pipe(z.coerce.number({ error: "must be a number" }));

export const listQuerySchema = z.object({
  q: z.string().trim().max(128, "must be at most 128 characters").default(""),
  offset: queryNumber().pipe(z.number().int("must be a whole number").min(0, "must be 0 or more")).default(0),
  limit: queryNumber().pipe(z.number().int("must be a whole number").min(1, "must be 1 to 500").max(500, "must be 1 to 500")).default(50),
});

/** The ongoing list as the page shows it: search, filter, order, page. */
export const ongoingQuerySchema = listQuerySchema.extend({
  sort: ongoingSortSchema.default("start"),
  dir: sortDirSchema.default("asc"),
  show: ongoingShowSchema.default("all"),
  /** Only these meetings (the page's "needs attention", which it knows from the wall's live figures). */
  ids: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9]{1,32}$/, "ids: meeting IDs separated by commas")).max(2000))
    .optional(),
});

export const confUuidSchema = z.string().regex(/^[0-9a-fA-F]{32}$/, "a confUUID is 32 hexadecimal characters").transform((s) => s.toLowerCase());

const DAY = 86_400_000;
/** Huawei keeps 6 to 12 months of history and the archive what it copied: a search spans up to ten years. */
const MAX_RANGE = 3660 * DAY;

/** Huawei counts time in milliseconds since 1970: nothing earlier is asked of it. */
const EARLIEST = 0;

/** An ISO 8601 date-time with a zone, or a bare date (the start of that day in UTC; for `to`, its end). */
function instant(endOfDay: boolean) {
  return z
    .string()
    .refine((s) => z.iso.datetime({ offset: true }).safeParse(s).success || z.iso.date().safeParse(s).success, {
      error: "must be an ISO 8601 date (2026-11-21) or date-time with a zone (2026-11-21T08:00:00+08:00)",
    })
    .transform((s) => (s.length === 10 ? Date.parse(`${s}T00:00:00Z`) + (endOfDay ? DAY - 1 : 0) : Date.parse(s)))
    .refine((ms) => Number.isFinite(ms) && ms >= EARLIEST, { error: "must not be before 1970-01-01" });
}

/** A replay's instant (`at`, an ISO date-time with a zone); absent: the meeting's start (past) or now (ongoing). */
export const replayQuerySchema = z.object({
  at: z.iso.datetime({ offset: true, error: "at: an ISO 8601 date-time with a zone (2026-11-21T10:42:00+08:00)" }).transform((s) => Date.parse(s)).optional(),
});

/** A stretch of a past meeting's log (`from`, `to`: ISO date-times with a zone), and the zone of a download. */
export const replayEventsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true, error: "from: an ISO 8601 date-time with a zone" }).transform((s) => Date.parse(s)).optional(),
  to: z.iso.datetime({ offset: true, error: "to: an ISO 8601 date-time with a zone" }).transform((s) => Date.parse(s)).optional(),
  tz: timeZoneSchemaLazy(),
});

export const historyQuerySchema = listQuerySchema
  .extend({ from: instant(false).optional(), to: instant(true).optional(), sort: historySortSchema.default("start"), dir: sortDirSchema.default("desc") })
  .transform((q, ctx) => {
    const to = q.to ?? Date.now();
    const from = q.from ?? to - 7 * DAY;
    if (from > to) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    if (to - from > MAX_RANGE) ctx.addIssue({ code: "custom", path: ["from"], message: "the range may span at most ten years" });
    return { ...q, from, to };
  });

/** The archive reaches back as far as it has kept: reports take ranges of up to ten years. */
const MAX_REPORT_RANGE = 3660 * DAY;

/** from/to of a report over the archive; by default the last 90 days. */
export const reportRangeSchema = z
  .object({ from: instant(false).optional(), to: instant(true).optional() })
  .transform((q, ctx) => {
    const to = q.to ?? Date.now();
    const from = q.from ?? to - 90 * DAY;
    if (from > to) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    if (to - from > MAX_REPORT_RANGE) ctx.addIssue({ code: "custom", path: ["from"], message: "the range may span at most ten years" });
    return { from, to };
  });

function timeZoneSchemaLazy() {
  return z.lazy(() => timeZoneSchema);
}

/** A zone, as its canonical name (so every spelling of one zone is one zone to the caches). */
export const timeZoneSchema = z
  .string()
  .max(64, "must be an IANA time zone such as Asia/Shanghai")
  .transform((tz, ctx) => {
    const canonical = canonicalTimeZone(tz);
    if (!canonical) ctx.addIssue({ code: "custom", message: "must be an IANA time zone such as Asia/Shanghai" });
    return canonical ?? "UTC";
  })
  .default("UTC");

/** Validates before anything reaches Huawei; the first problem becomes a 400 with a clear message. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  throw new HttpError(400, "bad_request", `${where}${issue.message}`);
}

export function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}
