import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { SimContext } from "./context";
import { header, invalidToken, safeEqual, SimError, type RouteTable, type SimRequest } from "./http";
import type { SimUser } from "./world";

const appAuthBodySchema = z.object({
  appId: z.string(),
  clientType: z.number(),
  expireTime: z.number(),
  nonce: z.string().min(32).max(64),
  // The official SDK sends userId "" (or null) for the enterprise's default admin, and corpId and deptCode as null.
  userId: z.string().nullish(),
  corpId: z.string().nullish(),
});

/** The caller of a management call, from its X-Access-Token. */
export function userOfRequest(ctx: SimContext, req: SimRequest): SimUser {
  const user = ctx.tokens.userOf(header(req, "x-access-token"));
  if (!user) throw invalidToken();
  return user;
}

/** §2: App ID and account sign-in, token refresh and sign-out. */
export function authRoutes(ctx: SimContext): RouteTable {
  const { credentials, world, tokens } = ctx;

  const authResponse = (user: SimUser) => {
    const { token, expiresAt } = tokens.issue(user);
    const now = Date.now();
    return {
      accessToken: token,
      tokenIp: "127.0.0.1",
      validPeriod: Math.round((expiresAt - now) / 1000),
      expireTime: Math.floor(expiresAt / 1000),
      createTime: now,
      user: {
        realm: "huaweicloud.com",
        userId: user.userUUID,
        ucloginAccount: user.userId,
        companyId: "651543334",
        userType: 2,
        adminType: user.isAdmin ? 0 : 2,
        name: user.name,
        thirdAccount: user.userId,
        status: 0,
        appId: credentials.appId,
      },
      clientType: 72,
      firstLogin: false,
      pwdExpired: false,
      tokenType: 0,
    };
  };

  return {
    "POST /v2/usg/acs/auth/appauth": (req) => {
      const parsed = appAuthBodySchema.safeParse(req.body);
      if (!parsed.success) throw new SimError(400, "USG.000000001", "PARAM_ERROR");
      const { appId, expireTime, nonce } = parsed.data;
      const userId = parsed.data.userId ?? "";
      // Huawei's SDK signs in upper-case hex, Terraform in lower case; both are accepted.
      const signature = /signature=([0-9a-fA-F]{64})/.exec(header(req, "authorization") ?? "")?.[1]?.toLowerCase();
      const expected = createHmac("sha256", credentials.appKey).update(`${appId}:${userId}:${expireTime}:${nonce}`).digest("hex");
      if (appId !== credentials.appId || !signature || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
        throw new SimError(401, "USG.206010025", "APPID_CHECK_FAILED");
      }
      const expiresMs = expireTime > 1e12 ? expireTime : expireTime * 1000;
      if (expireTime !== 0 && expiresMs < Date.now()) throw new SimError(401, "USG.206010057", "APPID_AUTH_EXPIRE");
      return authResponse(userId ? world.ensureUser(userId) : world.admin);
    },
    "POST /v1/usg/acs/auth/account": (req) => {
      const basic = /^Basic (.+)$/.exec(header(req, "authorization") ?? "")?.[1];
      const [account, ...rest] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
      if (account !== credentials.account || !safeEqual(rest.join(":"), credentials.password)) {
        throw new SimError(401, "USG.206010000", "USG_ERR_PASSWORD");
      }
      return authResponse(world.admin);
    },
    "PUT /v1/usg/acs/token": (req) => authResponse(userOfRequest(ctx, req)),
    "DELETE /v1/usg/acs/token": (req) => {
      tokens.revoke(header(req, "x-access-token") ?? "");
      return {};
    },
  };
}
