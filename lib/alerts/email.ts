import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { isLoopback, resolveChecked, type AddressPolicy } from "./outbound-address";
import type { PostLimits } from "./outbound-post";
import type { OpenChannel, Outcome } from "./platforms";
import type { NoticeText } from "./notice-text";

/**
 * An email channel's message over SMTP (nodemailer). `smtps://` is TLS from the start (465);
 * `smtp://` must upgrade with STARTTLS except to a loopback relay. The server's address is checked
 * like any channel's and connected to as checked; the certificate is checked against its name.
 * The Message-ID comes from the message's idempotency key, so a message sent twice is one thread.
 */
export async function sendEmail(channel: OpenChannel, text: NoticeText, key: string, openLine: (link: string) => string, policy: AddressPolicy, limits: PostLimits): Promise<{ outcome: Outcome; answer: string }> {
  const url = new URL(channel.url);
  const secure = url.protocol === "smtps:";
  const address = await resolveChecked(url.hostname, policy, false);
  const local = isLoopback(address);
  const transport = nodemailer.createTransport({
    host: address,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    requireTLS: !secure && !local,
    ignoreTLS: !secure && local,
    tls: { servername: url.hostname },
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: limits.timeoutMs,
    greetingTimeout: limits.timeoutMs,
    socketTimeout: limits.timeoutMs,
  });
  const body = [...text.lines, ...(text.link ? ["", openLine(text.link)] : [])].join("\n");
  try {
    const info = await transport.sendMail({
      from: channel.from ?? undefined,
      to: channel.to,
      subject: text.title,
      text: body,
      messageId: `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@meeting-monitor>`,
    });
    return { outcome: "ok", answer: String(info.response ?? "accepted").slice(0, 200) };
  } catch (error) {
    const e = error as { responseCode?: number; message?: string };
    const answer = `SMTP ${e.responseCode ?? ""} ${e.message ?? String(error)}`.replace(/\s+/g, " ").trim().slice(0, 200);
    // 5xx is the server's final no (bad recipient, refused sender); anything else may pass later.
    return { outcome: e.responseCode && e.responseCode >= 500 ? "rejected" : "retry", answer };
  } finally {
    transport.close();
  }
}
