import { describe, expect, it } from "vitest";
import { noticeWriter, type AlertFacts, type Notice, type NoticeText } from "./notice-text";
import { messageKey, platformRequest, readAnswer, type OpenChannel } from "./platforms";

const channel = (over: Partial<OpenChannel>): OpenChannel => ({ id: "c", kind: "webhook", name: "n", url: "https://example.com/hook", secret: null, language: "en", mentions: [], to: [], from: null, ...over });
const notice: Notice = { kind: "test", key: "test:1", alert: null, link: null, at: 0 };
const long: NoticeText = { title: "会议".repeat(100), lines: Array.from({ length: 200 }, (_, i) => `第 ${i} 行：主持人不在会`), link: "https://monitor.example.com/meetings/1" };
const open = (link: string) => `Open: ${link}`;

describe("each platform's message", () => {
  it("WeLink: text of 1 to 500 characters, token and channel kept in the URL", () => {
    const req = platformRequest(channel({ kind: "welink", url: "https://open.welink.huaweicloud.com/api/werobot/v1/webhook/send?token=t&channel=standard" }), long, [notice], open);
    const body = JSON.parse(req.body) as { messageType: string; content: { text: string }; uuid: string };
    expect(body.messageType).toBe("text");
    expect([...body.content.text].length).toBe(500);
    expect(body.content.text.endsWith("…")).toBe(true);
    expect(body.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(req.url.searchParams.get("channel")).toBe("standard");
  });

  it("WeCom: markdown within 4,096 bytes, never splitting a character", () => {
    const req = platformRequest(channel({ kind: "wecom", mentions: ["zhangsan"] }), long, [notice], open);
    const content = (JSON.parse(req.body) as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content).not.toContain("\uFFFD");
  });

  it("DingTalk: timestamp and sign appended to the robot's URL only with a secret", () => {
    const signed = platformRequest(channel({ kind: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=abc", secret: "SEC1" }), long, [notice], open, 1_700_000_000_000);
    expect(signed.url.searchParams.get("access_token")).toBe("abc");
    expect(signed.url.searchParams.get("timestamp")).toBe("1700000000000");
    expect(signed.url.searchParams.get("sign")).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const plain = platformRequest(channel({ kind: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=abc" }), long, [notice], open);
    expect(plain.url.searchParams.has("sign")).toBe(false);
  });

  it("a summary's key is the same for the same messages in any order", () => {
    const a = { ...notice, key: "a" };
    const b = { ...notice, key: "b" };
    expect(messageKey([a, b])).toBe(messageKey([b, a]));
    expect(messageKey([a])).toBe("a");
  });
});

describe("reading a platform's answer", () => {
  it("tells delivered, slow down, try again and refused apart", () => {
    expect(readAnswer("dingtalk", 200, '{"errcode":0,"errmsg":"ok"}').outcome).toBe("ok");
    expect(readAnswer("dingtalk", 200, '{"errcode":130101,"errmsg":"send too fast"}').outcome).toBe("rate_limited");
    expect(readAnswer("wecom", 200, '{"errcode":45009,"errmsg":"api freq out of limit"}').outcome).toBe("rate_limited");
    expect(readAnswer("feishu", 200, '{"code":11232,"msg":"frequency limited"}').outcome).toBe("rate_limited");
    expect(readAnswer("feishu", 200, '{"code":19021,"msg":"sign match fail"}')).toMatchObject({ outcome: "rejected", answer: expect.stringContaining("19021") });
    expect(readAnswer("welink", 200, '{"code":"0","message":"ok"}').outcome).toBe("ok");
    expect(readAnswer("webhook", 204, "").outcome).toBe("ok");
    expect(readAnswer("webhook", 503, "busy").outcome).toBe("retry");
    expect(readAnswer("webhook", 429, "").outcome).toBe("rate_limited");
    expect(readAnswer("webhook", 301, "").answer).toMatch(/redirects are not followed/);
    expect(readAnswer("wecom", 200, "<html>").outcome).toBe("rejected");
  });
});

describe("text from meetings", () => {
  it("cannot @-mention a group or make a link in the platforms' markdown", () => {
    const alert: AlertFacts = { id: "a", ruleName: "no_host", reason: "quorum_leave", severity: "critical", conferenceID: "1", subject: "Board <@all> [win](https://evil.example)", hostName: "# Boss", detail: { key: "left", values: { names: '<at user_id="all"></at>' } }, since: 0, firedAt: 0, clearedAt: null };
    const text = noticeWriter("en").one({ kind: "fire", key: "k", alert, link: null, at: 0 }, "c");
    const wecom = (JSON.parse(platformRequest(channel({ kind: "wecom", mentions: ["ops"] }), text, [notice], open).body) as { markdown: { content: string } }).markdown.content;
    expect(wecom).not.toContain("<@all>");
    expect(wecom).not.toContain("](https://evil");
    expect(wecom).toContain("<@ops>");
    const feishu = (JSON.parse(platformRequest(channel({ kind: "feishu" }), text, [notice], open).body) as { content: { text: string } }).content.text;
    expect(feishu).not.toMatch(/<at user_id="all">/);
  });
});
