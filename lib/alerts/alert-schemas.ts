import { z } from "zod";
import { attentionReasonSchema } from "@/lib/domain/wall";
import { LOCALES } from "@/lib/i18n/locales";
import { canonicalTimeZone } from "@/lib/zoned-time";

/**
 * Alerting's contract: channels (where a message goes), rules (when one is sent) and alerts (a
 * rule firing for a meeting, with each message's delivery). The API, the store and the pages all
 * take their types from here.
 */

export const channelKindSchema = z.enum(["webhook", "wecom", "dingtalk", "feishu", "welink", "email"]);
export type ChannelKind = z.infer<typeof channelKindSchema>;

/** Every attention reason of the wall, and the conditions only a rule asks about. */
export const alertReasonSchema = z.enum([...attentionReasonSchema.options, "started_without_host", "below_headcount", "quorum_leave"]);
export type AlertReason = z.infer<typeof alertReasonSchema>;

/** What a host may ask to be told about their own meetings. */
export const HOST_REASONS: readonly AlertReason[] = ["quorum_leave", "hand_waiting", "below_headcount", "no_host", "started_without_host"];

export const severitySchema = z.enum(["info", "warning", "critical"]);
export type Severity = z.infer<typeof severitySchema>;

export const channelIdSchema = z.string().regex(/^[0-9a-f]{16}$/, "a channel ID is 16 hexadecimal characters");
export const ruleIdSchema = channelIdSchema;
export const alertIdSchema = z.string().regex(/^[0-9a-f]{16}$/, "an alert ID is 16 hexadecimal characters");

const shortList = (item: z.ZodString, max: number) => z.array(item).max(max).optional();

/** Which meetings a rule covers: every one when empty; otherwise a meeting matching any listed field. */
export const ruleScopeSchema = z
  .object({
    conferenceIds: shortList(z.string().regex(/^[A-Za-z0-9]{1,32}$/, "a conference ID is 1 to 32 letters and digits"), 200),
    /** Host names as Huawei shows them, compared without case. */
    hosts: shortList(z.string().trim().min(1).max(128), 100),
    departments: shortList(z.string().trim().min(1).max(128), 100),
    /** Subject patterns: `*` stands for any text, compared without case ("*board*"). */
    subjects: shortList(z.string().trim().min(1).max(200), 50),
  })
  .strict();
export type RuleScope = z.infer<typeof ruleScopeSchema>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day is HH:MM, 00:00 to 23:59");

/** When a rule may send: days (1 = Monday … 7 = Sunday) and a span of the day in a time zone; a span past midnight wraps. */
export const workingHoursSchema = z
  .object({
    timeZone: z.string().refine((tz) => canonicalTimeZone(tz) !== null, "an IANA time zone such as Asia/Shanghai"),
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: clock,
    to: clock,
  })
  .strict()
  .refine((w) => w.from !== w.to, { error: "from and to must differ", path: ["to"] });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

const DAY_MS = 86_400_000;
const duration = (max: number) => z.number().int("must be whole milliseconds").min(0).max(max);

export const newRuleSchema = z
  .object({
    reason: alertReasonSchema,
    channelIds: z.array(channelIdSchema).min(1, "pick at least one channel").max(10),
    name: z.string().trim().min(1).max(80).optional(),
    scope: ruleScopeSchema.optional(),
    /** A count or a time, by reason (README: "Rules"); each reason has its default. */
    threshold: z.number().int().positive().max(100_000_000).optional(),
    /** How long the condition must hold before the rule fires: 0 fires at once. */
    windowMs: duration(DAY_MS).optional(),
    /** Continuous: held without a break for windowMs; accumulated: held for windowMs in all, over the meeting. */
    windowMode: z.enum(["continuous", "accumulated"]).optional(),
    /** After a message, the same rule and meeting send nothing new for this long (a flapping meeting stays quiet). */
    waitMs: duration(DAY_MS).optional(),
    /** The condition must stay clear this long before the alert recovers (hysteresis). */
    recoveryMs: duration(3_600_000).optional(),
    notifyRecovery: z.boolean().optional(),
    workingHours: workingHoursSchema.optional(),
    severity: severitySchema.optional(),
  })
  .strict();
export type NewRule = z.infer<typeof newRuleSchema>;

export const ruleSchema = newRuleSchema.required({ windowMs: true, windowMode: true, waitMs: true, recoveryMs: true, notifyRecovery: true, severity: true }).extend({
  id: ruleIdSchema,
  name: z.string(),
  scope: ruleScopeSchema,
  threshold: z.number().int().positive().nullable(),
  workingHours: workingHoursSchema.nullable(),
  /** Who made it; a host's rule covers only the meetings Huawei names them host of. */
  owner: z.string(),
  ownerRole: z.enum(["admin", "host"]),
  /** For a host's rule: their Huawei user UUID, which their meetings carry as hostUserUUID. */
  ownerUserUUID: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const languageSchema = z.enum(LOCALES);

/** At most this many recipients per email channel, as Webex allows. */
export const MAX_EMAIL_RECIPIENTS = 30;

export const newChannelSchema = z
  .object({
    kind: channelKindSchema,
    name: z.string().trim().min(1).max(80),
    url: z.url({ error: "a URL such as https://oapi.dingtalk.com/robot/send?access_token=…" }).max(2000),
    secret: z.string().trim().min(1).max(512).optional(),
    language: languageSchema,
    /** Who a message @-mentions: DingTalk phone numbers, WeCom user IDs, Feishu open IDs. */
    mentions: z.array(z.string().trim().min(1).max(64).regex(/^[^\s<>"]+$/, "a mention is an ID or a phone number, without spaces")).max(30).optional(),
    /** Email: the recipients and the sender's address. */
    to: z.array(z.email()).min(1).max(MAX_EMAIL_RECIPIENTS).optional(),
    from: z.email().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const problem = kindProblem(c);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
  });
export type NewChannel = z.infer<typeof newChannelSchema>;

/** What each platform needs beyond a URL. */
function kindProblem(c: { kind: ChannelKind; url: string; secret?: string; mentions?: string[]; to?: string[]; from?: string }): { path: string; message: string } | null {
  let protocol: string;
  try {
    protocol = new URL(c.url).protocol;
  } catch {
    return null; // the URL's own check tells it
  }
  if (c.kind === "email") {
    if (protocol !== "smtp:" && protocol !== "smtps:") return { path: "url", message: "an email channel's URL is smtp://user:password@host:587 or smtps://…:465" };
    if (!c.to?.length) return { path: "to", message: "an email channel needs at least one recipient" };
    if (!c.from) return { path: "from", message: "an email channel needs a sender's address" };
    if (c.mentions?.length) return { path: "mentions", message: "email has no mentions" };
    return null;
  }
  if (protocol !== "https:" && protocol !== "http:") return { path: "url", message: "a channel's URL is https:// (http:// only on a loopback host)" };
  if (c.to || c.from) return { path: "to", message: "only email channels have recipients" };
  if ((c.kind === "welink" || c.kind === "webhook") && c.mentions?.length) return { path: "mentions", message: `a ${c.kind} channel has no mentions` };
  if (c.kind === "dingtalk" && c.mentions?.some((m) => !/^\+?\d{5,20}$/.test(m))) return { path: "mentions", message: "DingTalk mentions are phone numbers" };
  return null;
}

/** A channel as anyone is shown it: never its secret, and its URL only up to its host (the rest may hold a key). */
export const channelSchema = z.object({
  id: channelIdSchema,
  kind: channelKindSchema,
  name: z.string(),
  /** scheme://host[:port] only. */
  target: z.string(),
  language: languageSchema,
  mentions: z.array(z.string()),
  to: z.array(z.string()),
  hasSecret: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  /** Since when its messages have failed, while they do; null when its last message went through. */
  failingSince: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastDeliveredAt: z.iso.datetime().nullable(),
});
export type Channel = z.infer<typeof channelSchema>;

export const deliveryStateSchema = z.enum(["pending", "sending", "delivered", "failed"]);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  kind: z.enum(["fire", "remind", "recover", "test"]),
  state: deliveryStateSchema,
  attempts: z.number().int(),
  /** The platform's answer to the last attempt (status and its error, or ok). */
  answer: z.string().nullable(),
  /** Sent inside a summary message with others, over a platform's rate limit. */
  summarized: z.boolean(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** What was seen, as words of the `alertMessages.detail` catalogue and their values (a time as epoch ms, a length as ms), told in each reader's language. */
export const alertDetailSchema = z.object({
  key: z.enum(["present", "belowHeadcount", "left", "leftBelow", "handWaiting", "poorQuality", "noHost", "neverHost", "overrun", "drop", "unavailable", "stale"]),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const alertSchema = z.object({
  id: alertIdSchema,
  ruleId: z.string(),
  ruleName: z.string(),
  reason: alertReasonSchema,
  severity: severitySchema,
  conferenceID: z.string(),
  subject: z.string(),
  hostName: z.string().nullable(),
  detail: alertDetailSchema,
  firedAt: z.iso.datetime(),
  clearedAt: z.iso.datetime().nullable(),
  ackedBy: z.string().nullable(),
  ackedAt: z.iso.datetime().nullable(),
  silencedBy: z.string().nullable(),
  silencedUntil: z.iso.datetime().nullable(),
  deliveries: z.array(deliverySchema),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsResponseSchema = z.object({
  firing: z.array(alertSchema),
  recent: z.array(alertSchema),
  /** Meetings a rule covers that the dashboard cannot judge it for (over WALL_MAX_LIVE, no live data, only presence, not yet watched), with why. */
  unwatched: z.array(z.object({ conferenceID: z.string(), subject: z.string(), why: z.enum(["over_limit", "unavailable", "presence", "stale", "starting"]) })),
  /** When the rules were last evaluated (null: the evaluator has not run, or runs on another instance and has not yet written). */
  evaluatedAt: z.iso.datetime().nullable(),
});
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

export const silenceSchema = z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60) }).strict();
