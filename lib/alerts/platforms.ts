import { createHash, randomBytes } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import type { ChannelKind } from "./alert-schemas";
import type { Notice, NoticeText } from "./notice-text";
import { dingtalkSign, feishuSign, webhookSignature } from "./signing";

/** A channel with its URL and secret unsealed: lives only while a message is sent. */
export interface OpenChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  url: string;
  secret: string | null;
  language: Locale;
  mentions: string[];
  to: string[];
  from: string | null;
}

export interface PlatformRequest {
  url: URL;
  body: string;
  headers: Record<string, string>;
}

/** The dashboard's webhook headers (README: "Webhook payload"). */
export const WEBHOOK_HEADERS = {
  timestamp: "x-meeting-monitor-timestamp",
  signature: "x-meeting-monitor-signature",
  idempotencyKey: "x-meeting-monitor-idempotency-key",
} as const;

/** Each platform's documented rate limit per robot; over it, messages are combined into one summary. */
export const RATE_LIMITS: Record<ChannelKind, { perMinute: number; perSecond?: number }> = {
  wecom: { perMinute: 20 },
  dingtalk: { perMinute: 20 },
  feishu: { perMinute: 100, perSecond: 5 },
  welink: { perMinute: 20 },
  email: { perMinute: 30 },
  webhook: { perMinute: 600 },
};

/** WeLink's text is 1 to 500 characters; WeCom's markdown at most 4,096 bytes; DingTalk's and Feishu's are larger, kept to 4,000 characters. */
const WELINK_MAX = 500;
const WECOM_MAX_BYTES = 4096;
const TEXT_MAX = 4000;

/** One key for a message that carries several: the same set of messages gives the same key. */
export function messageKey(notices: Notice[]): string {
  if (notices.length === 1) return notices[0]!.key;
  return `summary:${createHash("sha256").update(notices.map((n) => n.key).sort().join("\n")).digest("hex").slice(0, 32)}`;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function clipBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  // Cut at a byte count, then drop a character the cut split in two.
  return `${Buffer.from(text).subarray(0, maxBytes - 3).toString("utf8").replace(/\uFFFD+$/, "")}…`;
}

const plain = (text: NoticeText, openLine: (link: string) => string) => [text.title, ...text.lines, ...(text.link ? [openLine(text.link)] : [])].join("\n");

function webhookBody(channel: OpenChannel, text: NoticeText, notices: Notice[], now: number): string {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return JSON.stringify({
    version: 1,
    type: notices.length > 1 ? "summary" : `alert.${notices[0]!.kind}`,
    idempotencyKey: messageKey(notices),
    sentAt: iso(now),
    language: channel.language,
    title: text.title,
    text: text.lines.join("\n"),
    link: text.link,
    alerts: notices.map((n) => ({
      kind: n.kind,
      key: n.key,
      link: n.link,
      alert: n.alert && { ...n.alert, since: iso(n.alert.since), firedAt: iso(n.alert.firedAt), clearedAt: iso(n.alert.clearedAt) },
    })),
  });
}

/** The HTTP call a message makes on its platform, signed as the platform documents it. */
export function platformRequest(channel: OpenChannel, text: NoticeText, notices: Notice[], openLine: (link: string) => string, now = Date.now()): PlatformRequest {
  const url = new URL(channel.url);
  const json = { "content-type": "application/json; charset=utf-8" };
  switch (channel.kind) {
    case "webhook": {
      const body = webhookBody(channel, text, notices, now);
      const ts = Math.floor(now / 1000);
      const headers: Record<string, string> = { ...json, [WEBHOOK_HEADERS.timestamp]: String(ts), [WEBHOOK_HEADERS.idempotencyKey]: messageKey(notices) };
      if (channel.secret) headers[WEBHOOK_HEADERS.signature] = `v1=${webhookSignature(channel.secret, ts, body)}`;
      return { url, body, headers };
    }
    case "wecom": {
      const mentions = channel.mentions.map((m) => `<@${m}>`).join(" ");
      const content = [`**${text.title}**`, ...text.lines.map((l) => `> ${l}`), ...(text.link ? [`[${openLine(text.link)}](${text.link})`] : []), ...(mentions ? [mentions] : [])].join("\n");
      return { url, body: JSON.stringify({ msgtype: "markdown", markdown: { content: clipBytes(content, WECOM_MAX_BYTES) } }), headers: json };
    }
    case "dingtalk": {
      if (channel.secret) {
        // Appended raw: dingtalkSign already URL-encodes, as DingTalk's own examples do.
        url.search = `${url.search ? `${url.search}&` : "?"}timestamp=${now}&sign=${dingtalkSign(channel.secret, now)}`;
      }
      // A markdown message @-mentions only the numbers its text names.
      const at = channel.mentions.map((m) => `@${m}`).join(" ");
      const body = [`### ${text.title}`, ...text.lines.map((l) => `- ${l}`), ...(text.link ? [`[${openLine(text.link)}](${text.link})`] : []), ...(at ? [at] : [])].join("\n\n");
      return {
        url,
        body: JSON.stringify({ msgtype: "markdown", markdown: { title: clip(text.title, 100), text: clip(body, TEXT_MAX) }, at: { atMobiles: channel.mentions, isAtAll: false } }),
        headers: json,
      };
    }
    case "feishu": {
      const at = channel.mentions.map((m) => `<at user_id="${m}"></at>`).join(" ");
      const content = { text: clip([plain(text, openLine), ...(at ? [at] : [])].join("\n"), TEXT_MAX) };
      const ts = Math.floor(now / 1000);
      const signed = channel.secret ? { timestamp: String(ts), sign: feishuSign(channel.secret, ts) } : {};
      return { url, body: JSON.stringify({ ...signed, msg_type: "text", content }), headers: json };
    }
    case "welink": {
      const body = {
        messageType: "text",
        content: { text: clip(plain(text, openLine), WELINK_MAX) },
        timeStamp: now,
        uuid: randomBytes(16).toString("hex"),
        isAt: false,
        isAtAll: false,
        atAccounts: [],
      };
      return { url, body: JSON.stringify(body), headers: { ...json, "accept-charset": "UTF-8" } };
    }
    case "email":
      throw new Error("email is sent over SMTP, not HTTP");
  }
}

export type Outcome = "ok" | "retry" | "rate_limited" | "rejected";

/** Codes by which the platforms say "too many messages". */
const RATE_CODES: Partial<Record<ChannelKind, readonly number[]>> = { wecom: [45009], dingtalk: [130101, 130102], feishu: [11232, 9499] };

/** What a platform's answer means: delivered, worth another try, slow down, or refused for good. */
export function readAnswer(kind: ChannelKind, status: number, body: string): { outcome: Outcome; answer: string } {
  const head = `HTTP ${status}`;
  if (status === 429) return { outcome: "rate_limited", answer: `${head}: rate limited` };
  if (status >= 500 || status === 408) return { outcome: "retry", answer: `${head}: ${body.slice(0, 200)}` };
  if (status >= 300 && status < 400) return { outcome: "rejected", answer: `${head}: redirects are not followed; give the final URL` };
  if (status >= 400) return { outcome: "rejected", answer: `${head}: ${body.slice(0, 200)}` };
  if (kind === "webhook") return { outcome: "ok", answer: head };
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { outcome: "rejected", answer: `${head}: the platform's answer is not JSON` };
  }
  const code = Number(parsed.errcode ?? parsed.code ?? parsed.StatusCode ?? NaN);
  const message = String(parsed.errmsg ?? parsed.msg ?? parsed.message ?? parsed.StatusMessage ?? "");
  if (code === 0) return { outcome: "ok", answer: `${head}: ${message || "ok"}` };
  if (RATE_CODES[kind]?.includes(code)) return { outcome: "rate_limited", answer: `${head}: ${code} ${message}` };
  return { outcome: "rejected", answer: `${head}: ${Number.isNaN(code) ? "no result code" : code} ${message}`.trim() };
}
