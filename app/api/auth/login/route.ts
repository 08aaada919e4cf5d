import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { errorResponse, jsonError } from "@/lib/api/errors";
import { parseOr400 } from "@/lib/api/validation";
import { getSession } from "@/lib/auth/session";
import { services } from "@/lib/services";

const loginSchema = z.object(
  {
    username: z.string().min(1, "username is required").max(64),
    password: z.string().min(1, "password is required").max(256),
  },
  { error: "send JSON {username, password}" },
);

export async function POST(req: Request): Promise<Response> {
  try {
    const body = parseOr400(loginSchema, await req.json().catch(() => undefined));
    const { users, loginThrottle } = services();
    const waitMs = loginThrottle.retryAfterMs(body.username);
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      return jsonError(429, "too_many_attempts", `Too many wrong passwords for this user; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        "retry-after": String(Math.ceil(waitMs / 1000)),
      });
    }
    const user = await users.verify(body.username, body.password);
    if (!user) {
      loginThrottle.failed(body.username);
      return jsonError(401, "bad_credentials", "Wrong username or password.");
    }
    loginThrottle.succeeded(body.username);
    const session = await getSession(await cookies());
    session.username = user.username;
    session.sid = randomUUID();
    session.issuedAt = Date.now();
    await session.save();
    return Response.json({ user: { username: user.username, role: user.role } });
  } catch (error) {
    return errorResponse(error);
  }
}
