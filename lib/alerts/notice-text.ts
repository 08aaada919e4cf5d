import { createTranslator } from "next-intl";
import { makeFormat } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import type { AlertDetail, AlertReason, ChannelKind, Severity } from "./alert-schemas";

/** What a message tells about one alert, whatever the platform. */
export interface AlertFacts {
  id: string;
  ruleName: string;
  reason: AlertReason;
  severity: Severity;
  conferenceID: string;
  subject: string;
  hostName: string | null;
  detail: AlertDetail;
  /** Epoch ms: when the condition began, when it fired, when it cleared. */
  since: number;
  firedAt: number;
  clearedAt: number | null;
}

/** One message to send: about an alert firing, still firing or recovered, or a channel's test. */
export interface Notice {
  kind: "fire" | "remind" | "recover" | "test";
  /** The outbox row's idempotency key: the same message sent twice carries the same key. */
  key: string;
  alert: AlertFacts | null;
  /** The meeting's page on the dashboard. */
  link: string | null;
  at: number;
}

/** A message as words: a title and its lines, to be laid out by each platform. */
export interface NoticeText {
  title: string;
  lines: string[];
  link: string | null;
}

const PLATFORM_NAMES: Record<ChannelKind, string> = { webhook: "webhook", wecom: "WeCom", dingtalk: "DingTalk", feishu: "Feishu", welink: "WeLink", email: "email" };

/**
 * Meeting subjects and people's names come from whoever made the meeting: in a platform's markdown
 * or text they must not become a link, a heading or an @-mention of the whole group.
 */
export function defang(s: string): string {
  return s.replace(/<@/g, "< @").replace(/<at\b/gi, "< at").replace(/\[/g, "［").replace(/\]/g, "］").replace(/^#/, "＃");
}

const utcTime = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** Words for messages in one language, from the same catalogue as the pages. */
export function noticeWriter(locale: Locale) {
  const messages = messagesFor(locale);
  const t = createTranslator({ locale, messages, namespace: "alertMessages" });
  const format = makeFormat(locale, createTranslator({ locale, messages, namespace: "format" }));

  const detail = (d: AlertDetail): string => {
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(d.values)) {
      if (k === "durationMs") values.duration = format.duration(Number(v));
      else if (k === "atMs") values.time = utcTime(Number(v));
      else values[k] = typeof v === "string" ? defang(v) : v;
    }
    return t(`detail.${d.key}`, values);
  };

  const reasonWords = (a: AlertFacts) => ({ reason: t("reason", { reason: a.reason }), severity: t("severity", { severity: a.severity }), subject: defang(a.subject) });

  const one = (n: Notice, channelName: string): NoticeText => {
    const a = n.alert;
    if (!a || n.kind === "test") return { title: t("testTitle"), lines: [t("testBody", { channel: defang(channelName) })], link: null };
    const lines = [t("meeting", { subject: defang(a.subject), conferenceID: a.conferenceID })];
    if (a.hostName) lines.push(t("host", { host: defang(a.hostName) }));
    lines.push(detail(a.detail));
    if (n.kind === "recover") {
      lines.push(t("lasted", { duration: format.duration(Math.max(0, (a.clearedAt ?? n.at) - a.since)) }));
      if (a.detail.key === "present" && a.detail.values.ended) lines.push(t("ended"));
    } else {
      lines.push(t("heldFor", { duration: format.duration(Math.max(0, n.at - a.since)), time: utcTime(a.since) }));
    }
    // A rule named only by its reason says nothing the title does not.
    if (a.ruleName !== a.reason) lines.push(t("rule", { rule: defang(a.ruleName) }));
    const title = n.kind === "recover" ? t("recoverTitle", reasonWords(a)) : n.kind === "remind" ? t("remindTitle", reasonWords(a)) : t("fireTitle", reasonWords(a));
    return { title, lines, link: n.link };
  };

  return {
    one,
    /** Several messages as one, when a platform's rate limit is reached: one line each, none dropped. */
    summary(notices: Notice[], kind: ChannelKind, channelName: string): NoticeText {
      const lines = notices.map((n) => {
        const text = one(n, channelName);
        return text.link ? `${text.title} · ${text.link}` : text.title;
      });
      return { title: t("summaryTitle", { count: notices.length, platform: PLATFORM_NAMES[kind] }), lines, link: null };
    },
    openLine: (link: string) => t("open", { link }),
  };
}
