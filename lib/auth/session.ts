import { getIronSession, unsealData, type SessionOptions } from "iron-session";
import type { cookies } from "next/headers";
import { services } from "@/lib/services";
import type { Role } from "./users";

/**
 * The cookie holds only who signed in and a session id (to revoke it on sign-out); role and
 * Huawei user are read from the store each time.
 */
export interface SessionData {
  username?: string;
  sid?: string;
  issuedAt?: number;
}

export interface Viewer {
  username: string;
  role: Role;
  huaweiUserId: string | null;
}

export const SESSION_COOKIE = "mm_session";
export const SESSION_TTL_S = 12 * 3600;

/** Read at call time: the custom server settles SESSION_SECRET before Next starts. */
export function sessionOptions(): SessionOptions {
  const password = process.env.SESSION_SECRET;
  if (!password || password.length < 32) throw new Error("SESSION_SECRET is not set (the server sets it at start)");
  return {
    cookieName: SESSION_COOKIE,
    password,
    ttl: SESSION_TTL_S,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.COOKIE_SECURE === "true",
      path: "/",
    },
  };
}

type CookieStore = Awaited<ReturnType<typeof cookies>>;

export function getSession(cookies: CookieStore) {
  return getIronSession<SessionData>(cookies, sessionOptions());
}

/** The viewer of a live session: signed out (revoked) sessions and removed users have none. */
async function viewerOf(data: SessionData): Promise<Viewer | undefined> {
  if (!data.username || !data.sid) return undefined;
  const { users, revokedSessions } = services();
  if (await revokedSessions.isRevoked(data.sid)) return undefined;
  const user = await users.find(data.username);
  return user ? { username: user.username, role: user.role, huaweiUserId: user.huaweiUserId } : undefined;
}

/** The signed-in user as the store knows them now: a removed user loses access at once. */
export async function currentViewer(cookies: CookieStore): Promise<Viewer | undefined> {
  return viewerOf(await getSession(cookies));
}

/** For the socket.io handshake, which sees a raw Cookie header rather than Next's cookie store. */
export async function viewerFromCookieHeader(header: string | undefined): Promise<Viewer | undefined> {
  const sealed = header
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!sealed) return undefined;
  const { password, ttl } = sessionOptions();
  return viewerOf(await unsealData<SessionData>(decodeURIComponent(sealed), { password, ttl }));
}
