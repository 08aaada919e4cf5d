import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * Local stand-ins for each platform's robot endpoint, written from the platforms' documentation
 * (not from the dashboard's code): each checks the key or token, the signature and the body as
 * its platform documents them, answers as the platform does, and refuses otherwise. What each
 * accepted is kept for the test to read.
 */

export interface Received {
  platform: "webhook" | "wecom" | "dingtalk" | "feishu" | "welink";
  body: Record<string, unknown>;
  /** The platform's main text (markdown or text), for assertions on wording. */
  text: string;
  headers: IncomingMessage["headers"];
  at: number;
}

/** How an endpoint misbehaves for its next calls. */
export type Fault = "fail" | "hang" | "rate_limit";

export const SECRETS = { webhook: "webhook-secret-for-tests", dingtalk: "SEC-dingtalk-secret-for-tests", feishu: "feishu-secret-for-tests", wecomKey: "wecom-key-123", dingtalkToken: "ding-token-456", feishuHook: "feishu-hook-789", welinkToken: "welink-token-abc" };

const HOUR_MS = 3_600_000;

const hmac = (key: string, message: string) => createHmac("sha256", key).update(message).digest();
const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

export class PlatformReceivers {
  readonly received: Received[] = [];
  /** Calls refused (bad signature, key or body), with the reason the platform would give. */
  readonly refused: { platform: string; why: string }[] = [];
  /** Calls left hanging (their messages were not received). */
  readonly hung: string[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private server!: Server;
  base = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const url = new URL(req.url ?? "/", "http://receiver");
        const platform = url.pathname.split("/")[1] ?? "";
        const fault = this.faults.get(platform)?.shift();
        if (fault === "hang") {
          // Never answers: the sender's timeout (or its death) closes the connection, and nothing was received.
          this.hung.push(req.url ?? "");
          return;
        }
        if (fault === "fail") return void res.writeHead(502).end("bad gateway");
        const reply = (status: number, body: unknown) => {
          // An answer the sender gave up on (it closed the connection) was not received.
          if (req.destroyed || res.destroyed) return;
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
        };
        const refuse = (why: string, status: number, body: unknown) => {
          this.refused.push({ platform, why });
          reply(status, body);
        };
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return refuse("not JSON", 400, { errcode: 40000, errmsg: "invalid json" });
        }
        const accept = (text: string, answer: unknown) => {
          if (fault === "rate_limit") return this.rateLimited(platform, reply);
          this.received.push({ platform: platform as Received["platform"], body, text, headers: req.headers, at: Date.now() });
          reply(200, answer);
        };
        switch (platform) {
          case "hook": {
            // The dashboard's own webhook scheme: hex HMAC-SHA256 over "timestamp:raw body", fresh within 5 minutes.
            const ts = Number(req.headers["x-meeting-monitor-timestamp"]);
            const sig = String(req.headers["x-meeting-monitor-signature"] ?? "").replace(/^v1=/, "");
            if (!Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return refuse("stale timestamp", 401, {});
            if (!same(Buffer.from(sig, "hex"), hmac(SECRETS.webhook, `${ts}:${raw}`))) return refuse("bad signature", 401, {});
            if (fault === "rate_limit") return reply(429, {});
            this.received.push({ platform: "webhook", body, text: String(body.title), headers: req.headers, at: Date.now() });
            return reply(204, {});
          }
          case "wecom": {
            // qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY; markdown.content at most 4096 bytes.
            if (url.searchParams.get("key") !== SECRETS.wecomKey) return refuse("bad key", 200, { errcode: 93000, errmsg: "invalid webhook url" });
            const content = (body.markdown as { content?: unknown } | undefined)?.content;
            if (body.msgtype !== "markdown" || typeof content !== "string" || Buffer.byteLength(content) > 4096) return refuse("bad markdown", 200, { errcode: 40058, errmsg: "markdown.content exceed max length" });
            return accept(content, { errcode: 0, errmsg: "ok" });
          }
          case "dingtalk": {
            // oapi.dingtalk.com/robot/send?access_token=T&timestamp=ms&sign=urlencode(base64(HMAC-SHA256(secret, ts+"\n"+secret))), within an hour.
            if (url.searchParams.get("access_token") !== SECRETS.dingtalkToken) return refuse("bad token", 200, { errcode: 300001, errmsg: "token is not exist" });
            const ts = Number(url.searchParams.get("timestamp"));
            const rawSign = /[?&]sign=([^&]*)/.exec(req.url ?? "")?.[1] ?? "";
            if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > HOUR_MS) return refuse("timestamp", 200, { errcode: 310000, errmsg: "sign not match, timestamp is not within one hour" });
            if (!same(Buffer.from(decodeURIComponent(rawSign), "base64"), hmac(SECRETS.dingtalk, `${ts}\n${SECRETS.dingtalk}`))) return refuse("bad sign", 200, { errcode: 310000, errmsg: "sign not match" });
            const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
            if (body.msgtype !== "markdown" || typeof md?.title !== "string" || typeof md.text !== "string") return refuse("bad markdown", 200, { errcode: 40035, errmsg: "缺少参数 markdown" });
            return accept(md.text, { errcode: 0, errmsg: "ok" });
          }
          case "feishu": {
            // open.feishu.cn/open-apis/bot/v2/hook/ID; body.timestamp (s) and body.sign = base64(HMAC-SHA256(key = ts+"\n"+secret, msg = "")).
            if (url.pathname !== `/feishu/open-apis/bot/v2/hook/${SECRETS.feishuHook}`) return refuse("bad hook", 404, { code: 19001, msg: "param invalid: incoming webhook access token invalid" });
            const ts = Number(body.timestamp);
            if (typeof body.timestamp !== "string" || !Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > 3600) return refuse("timestamp", 200, { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" });
            if (!same(Buffer.from(String(body.sign), "base64"), hmac(`${ts}\n${SECRETS.feishu}`, ""))) return refuse("bad sign", 200, { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" });
            const text = (body.content as { text?: unknown } | undefined)?.text;
            if (body.msg_type !== "text" || typeof text !== "string") return refuse("bad text", 200, { code: 9499, msg: "Bad Request" });
            return accept(text, { code: 0, data: {}, msg: "success" });
          }
          case "welink": {
            // open.welink.huaweicloud.com/api/werobot/v1/webhook/send?token=T&channel=standard; text 1 to 500 characters.
            if (url.searchParams.get("token") !== SECRETS.welinkToken || url.searchParams.get("channel") !== "standard") return refuse("bad token", 200, { code: "58601", message: "token invalid" });
            const text = (body.content as { text?: unknown } | undefined)?.text;
            const length = typeof text === "string" ? [...text].length : 0;
            if (body.messageType !== "text" || length < 1 || length > 500 || typeof body.timeStamp !== "number" || typeof body.uuid !== "string") return refuse("bad text", 200, { code: "58602", message: "content invalid" });
            return accept(text as string, { code: "0", data: "", message: "ok" });
          }
          default:
            return refuse("no such endpoint", 404, {});
        }
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` calls to a platform misbehave so. */
  fault(platform: string, fault: Fault, count = 1): void {
    this.faults.set(platform, [...(this.faults.get(platform) ?? []), ...Array.from({ length: count }, () => fault)]);
  }

  of(platform: Received["platform"]): Received[] {
    return this.received.filter((r) => r.platform === platform);
  }

  urls() {
    return {
      webhook: `${this.base}/hook`,
      wecom: `${this.base}/wecom/cgi-bin/webhook/send?key=${SECRETS.wecomKey}`,
      dingtalk: `${this.base}/dingtalk/robot/send?access_token=${SECRETS.dingtalkToken}`,
      feishu: `${this.base}/feishu/open-apis/bot/v2/hook/${SECRETS.feishuHook}`,
      welink: `${this.base}/welink/api/werobot/v1/webhook/send?token=${SECRETS.welinkToken}&channel=standard`,
    };
  }

  private rateLimited(platform: string, reply: (status: number, body: unknown) => void): void {
    if (platform === "wecom") return reply(200, { errcode: 45009, errmsg: "api freq out of limit" });
    if (platform === "dingtalk") return reply(200, { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" });
    if (platform === "feishu") return reply(200, { code: 11232, msg: "frequency limited" });
    return reply(429, {});
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A real SMTP server (smtp-server) on loopback, with a login, keeping each message as received. */
export class MailReceiver {
  readonly mails: { from: string; to: string[]; raw: string }[] = [];
  private server!: SMTPServer;
  port = 0;

  async start(user: string, pass: string): Promise<void> {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authOptional: false,
      onAuth: (auth, _session, callback) => (auth.username === user && auth.password === pass ? callback(null, { user }) : callback(new Error("Invalid username or password"))),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          this.mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
