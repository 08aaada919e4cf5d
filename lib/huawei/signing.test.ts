import { describe, expect, it } from "vitest";
import { appAuthHeader, appAuthSignature, newNonce } from "./signing";

// Vectors computed outside this code with:
//   printf '%s' 'APPID:USERID:EXPIRE:NONCE' | openssl dgst -sha256 -hmac 'my-app-key'
const APP_ID = "fdb8e4699586458bbd10c834872dcc62";
const NONCE = "0123456789abcdef0123456789abcdef";

describe("App ID signature", () => {
  it("signs appId:userId:expireTime:nonce with the app key", () => {
    expect(appAuthSignature("my-app-key", APP_ID, "alice", 1700000000, NONCE)).toBe(
      "f663a9ff835a467161e9bd0fe9bb39c21985d887983c4310d16f31e405fcd043",
    );
  });

  it("keeps an absent user id as an empty field", () => {
    expect(appAuthSignature("my-app-key", APP_ID, "", 0, NONCE)).toBe(
      "68655d298b714abbd2c536e08f87511a8d2cc245a14fdffd073fd16e83d89b97",
    );
  });

  it("builds the Authorization header with the base64 app id", () => {
    expect(appAuthHeader("abc", APP_ID)).toBe("HMAC-SHA256 signature=abc,access=ZmRiOGU0Njk5NTg2NDU4YmJkMTBjODM0ODcyZGNjNjI=");
  });

  it("makes nonces of 32 to 64 characters that differ", () => {
    const a = newNonce();
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(newNonce()).not.toBe(a);
  });
});
