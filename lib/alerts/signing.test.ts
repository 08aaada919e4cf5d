import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { dingtalkSign, feishuSign, webhookSignature } from "./signing";

/** HMAC-SHA256 by openssl, apart from Node's crypto, as base64 (or hex). */
function opensslHmac(key: string, message: string, encoding: "base64" | "hex"): string {
  const raw = execFileSync("openssl", ["dgst", "-sha256", "-hmac", key, "-binary"], { input: Buffer.from(message, "utf8") });
  return raw.toString(encoding);
}

describe("signing, against openssl following each platform's documented recipe", () => {
  it("DingTalk 加签: key = secret, message = timestamp_ms + \\n + secret, base64, URL-encoded", () => {
    const secret = "SEC1a2b3c4d5e6f7g8h9i0j1k2l3m4n5o6p7q8r9s0t1u2v3w4x5y6z7";
    const ts = 1_577_262_236_757;
    const expected = encodeURIComponent(opensslHmac(secret, `${ts}\n${secret}`, "base64"));
    expect(dingtalkSign(secret, ts)).toBe(expected);
    // URL-encoded: base64's + / = never appear raw in the query.
    expect(dingtalkSign(secret, ts)).not.toMatch(/[+/=]/);
  });

  it("Feishu: key = timestamp_s + \\n + secret, message empty, base64 (the mirror image of DingTalk's)", () => {
    const secret = "demo-feishu-secret";
    const ts = 1_599_360_473;
    expect(feishuSign(secret, ts)).toBe(opensslHmac(`${ts}\n${secret}`, "", "base64"));
    // Swapping key and message (DingTalk's way) gives another signature: the two are not interchangeable.
    expect(feishuSign(secret, ts)).not.toBe(opensslHmac(secret, `${ts}\n${secret}`, "base64"));
  });

  it("the dashboard's webhooks: hex HMAC over timestamp:raw body", () => {
    const body = JSON.stringify({ version: 1, title: "会议 no host" });
    expect(webhookSignature("s3cret", 1_700_000_000, body)).toBe(opensslHmac("s3cret", `1700000000:${body}`, "hex"));
  });
});
