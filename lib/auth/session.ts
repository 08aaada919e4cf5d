import { getIronSession, unsealData, type SessionOptions } from "iron-session";
import type { cookies } from "next/headers";
import { services } from "@/lib/services";
import type { Role } from "./users";

/** The cookie holds only who signed in; role and Huawei user are read from the store each time. */
export interface SessionData {
  username?: string;
}

export interface Viewer {
  username: string;
  role: Role;
  huaweiUserId: string | null;
}

export const SESSION_COOKIE = "mm_session";
const SESSION_TTL_S = 12 * 3600;

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

async function viewerOfUser(username: string): Promise<Viewer | undefined> {
  const user = await services().users.find(username);
  return user ? { username: user.username, role: user.role, huaweiUserId: user.huaweiUserId } : undefined;
}

/** The signed-in user as the store knows them now: a removed user loses access at once. */
export async function currentViewer(cookies: CookieStore): Promise<Viewer | undefined> {
  const { username } = await getSession(cookies);
  if (!username) return undefined;
  return viewerOfUser(username);
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
  const { username } = await unsealData<SessionData>(decodeURIComponent(sealed), { password, ttl });
  if (!username) return undefined;
  return viewerOfUser(username);
}
