import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { errorResponse, jsonError } from "@/lib/api/errors";
import { clientAddress } from "@/lib/api/client-address";
import { parseOr400 } from "@/lib/api/validation";
import { getSession } from "@/lib/auth/session";
import { metrics } from "@/lib/metrics";
import { services } from "@/lib/services";

const loginSchema = z.object(
  {
    username: z.string().min(1, "username is required").max(64),
    password: z.string().min(1, "password is required").max(256),
  },
  { error: "send JSON {username, password}" },
);

export async function POST(req: Request): Promise<Response> {
  const failed = metrics().signInFailures;
  try {
    const body = parseOr400(loginSchema, await req.json().catch(() => undefined));
    const { users, loginThrottle } = services();
    const attempt = loginThrottle.begin(body.username, clientAddress(req));
    if (!attempt.ok) {
      failed.inc({ reason: "throttled" });
      const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
      return jsonError(429, "too_many_attempts", `Too many wrong passwords from here; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        "retry-after": String(Math.ceil(attempt.retryAfterMs / 1000)),
      });
    }
    let user;
    try {
      user = await users.verify(body.username, body.password);
    } catch (error) {
      attempt.done(false);
      if ((error as Error).name !== "PasswordCheckBusy") throw error;
      failed.inc({ reason: "busy" });
      return jsonError(503, "busy", "Too many sign-ins are being checked right now; try again in a moment.", { "retry-after": "1" });
    }
    attempt.done(Boolean(user));
    if (!user) {
      failed.inc({ reason: "bad_credentials" });
      return jsonError(401, "bad_credentials", "Wrong username or password.");
    }
    const session = await getSession(await cookies());
    session.username = user.username;
    session.sid = randomUUID();
    session.issuedAt = Date.now();
    await session.save();
    return Response.json({ user: { username: user.username, role: user.role } });
  } catch (error) {
    if ((error as { code?: string }).code === "bad_request") failed.inc({ reason: "bad_request" });
    return errorResponse(error);
  }
}
