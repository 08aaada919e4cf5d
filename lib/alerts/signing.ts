import { createHmac } from "node:crypto";

/**
 * Each platform's signature, exactly as it documents it. DingTalk and Feishu are mirror images
 * (DingTalk keys the HMAC with the secret and signs "timestamp\nsecret"; Feishu keys it with
 * "timestamp\nsecret" and signs nothing), which is why each has its own tested function.
 */

/** The dashboard's own webhooks: hex HMAC-SHA256 over `timestamp:rawBody` (timestamp in seconds), as Slack and Stripe sign theirs. */
export function webhookSignature(secret: string, timestampS: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestampS}:${rawBody}`).digest("hex");
}

/** DingTalk's 加签: base64(HMAC-SHA256(key = secret, msg = timestamp_ms + "\n" + secret)), URL-encoded into the query. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return encodeURIComponent(createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64"));
}

/** Feishu's signature check: base64(HMAC-SHA256(key = timestamp_s + "\n" + secret, msg = empty)), in the body. */
export function feishuSign(secret: string, timestampS: number): string {
  return createHmac("sha256", `${timestampS}\n${secret}`).update("").digest("base64");
}
