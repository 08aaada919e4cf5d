import { createHmac, randomBytes } from "node:crypto";

/**
 * App ID authentication signature: HexEncode(HMAC_SHA256(appKey, appId:userId:expireTime:nonce)).
 * An absent user id stays an empty field ("appId::expireTime:nonce"), as Huawei's SDK does.
 */
export function appAuthSignature(appKey: string, appId: string, userId: string, expireTime: number, nonce: string): string {
  return createHmac("sha256", appKey).update(`${appId}:${userId}:${expireTime}:${nonce}`).digest("hex");
}

export function appAuthHeader(signature: string, appId: string): string {
  return `HMAC-SHA256 signature=${signature},access=${Buffer.from(appId).toString("base64")}`;
}

/** Huawei wants 32 to 64 random characters. */
export function newNonce(): string {
  return randomBytes(24).toString("hex");
}
