import type { HuaweiAuthConfig } from "./config";
import type { HuaweiTransport } from "./transport";
import { authResponseSchema, type AuthResponse } from "./schemas";
import { appAuthHeader, appAuthSignature, newNonce } from "./signing";
import type { IssuedToken } from "./token-cache";

/** API callers identify themselves as client type 72. */
const API_CLIENT_TYPE = 72;
/** The signature itself is short-lived; the token it buys lasts 12 to 24 hours. */
const SIGNATURE_LIFETIME_S = 300;

export function authenticate(
  transport: HuaweiTransport,
  auth: HuaweiAuthConfig,
  asUserId?: string,
): Promise<IssuedToken> {
  return auth.kind === "appId"
    ? appIdAuth(transport, auth.appId, auth.appKey, asUserId ?? auth.userId)
    : accountAuth(transport, auth.account, auth.password);
}

async function appIdAuth(transport: HuaweiTransport, appId: string, appKey: string, userId: string) {
  const expireTime = Math.floor(Date.now() / 1000) + SIGNATURE_LIFETIME_S;
  const nonce = newNonce();
  const signature = appAuthSignature(appKey, appId, userId, expireTime, nonce);
  const res = await transport.send(
    {
      method: "POST",
      path: "/v2/usg/acs/auth/appauth",
      headers: { authorization: appAuthHeader(signature, appId) },
      body: { appId, clientType: API_CLIENT_TYPE, expireTime, nonce, ...(userId ? { userId } : {}) },
    },
    authResponseSchema,
  );
  return toIssued(res);
}

async function accountAuth(transport: HuaweiTransport, account: string, password: string) {
  const res = await transport.send(
    {
      method: "POST",
      path: "/v1/usg/acs/auth/account",
      headers: { authorization: `Basic ${Buffer.from(`${account}:${password}`).toString("base64")}` },
      body: { account, clientType: API_CLIENT_TYPE },
    },
    authResponseSchema,
  );
  return toIssued(res);
}

/** `expireTime` is epoch seconds; fall back to `validPeriod`, then to Huawei's 12-hour minimum. */
function toIssued(res: AuthResponse): IssuedToken {
  const expiresAt = res.expireTime
    ? res.expireTime * 1000
    : Date.now() + (res.validPeriod ?? 12 * 3600) * 1000;
  return { token: res.accessToken, expiresAt, ...(res.user?.userId ? { userUUID: res.user.userId } : {}) };
}
