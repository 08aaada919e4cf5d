import { randomUUID } from "node:crypto";
import { getIronSession, unsealData, type SessionOptions } from "iron-session";
import type { cookies } from "next/headers";
import { services } from "@/lib/services";
import type { SessionData, Viewer } from "./viewer";

export const SESSION_COOKIE = "mm_session";
/** A person's session lasts this long after its last renewal (pages renew it while open). */
export const SESSION_TTL_S = 12 * 3600;
/** A display's session: long, and renewed while the wall runs, so a wall never meets a sign-in page. */
export const DISPLAY_SESSION_TTL_S = 30 * 24 * 3600;

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

/** The viewer of a live session: signed out (revoked) sessions, removed users and revoked displays have none. */
export async function viewerOf(data: SessionData): Promise<Viewer | undefined> {
  if (!data.sid || !(data.username || data.display)) return undefined;
  const { users, revokedSessions, displays, displaySeen } = services();
  if (await revokedSessions.isRevoked(data.sid)) return undefined;
  if (data.display) {
    const display = await displays.find(data.display);
    if (!display) return undefined;
    await displaySeen.seen(display.id);
    return { username: `display:${display.name}`, role: "wall", huaweiUserId: null, displayId: display.id };
  }
  if (!data.username) return undefined;
  const user = await users.find(data.username);
  return user ? { username: user.username, role: user.role, huaweiUserId: user.huaweiUserId } : undefined;
}

/** The signed-in user as the store knows them now: a removed user loses access at once. */
export async function currentViewer(cookies: CookieStore): Promise<Viewer | undefined> {
  return viewerOf(await getSession(cookies));
}

/**
 * For the socket.io handshake, which sees a raw Cookie header rather than Next's cookie store: the
 * session (kept on the socket, to check again on every subscribe) and its viewer.
 */
export async function sessionFromCookieHeader(header: string | undefined): Promise<{ session: SessionData; viewer: Viewer } | undefined> {
  const sealed = header
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!sealed) return undefined;
  const { password, ttl } = sessionOptions();
  const session = await unsealData<SessionData>(safeDecode(sealed), { password, ttl });
  const viewer = await viewerOf(session);
  return viewer ? { session, viewer } : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Signs this browser in as a wall display for a long time (its link was opened). */
export async function openDisplaySession(cookies: CookieStore, displayId: string): Promise<void> {
  const session = await getSession(cookies);
  session.updateConfig({ ...sessionOptions(), ttl: DISPLAY_SESSION_TTL_S });
  session.username = undefined;
  session.display = displayId;
  session.sid = randomUUID();
  session.issuedAt = Date.now();
  await session.save();
}

/** Extends a live session by its full lifetime from now, so nobody working is signed out mid-task. */
export async function renewSession(cookies: CookieStore): Promise<Viewer | undefined> {
  const session = await getSession(cookies);
  const viewer = await viewerOf(session);
  if (!viewer) return undefined;
  session.updateConfig({ ...sessionOptions(), ttl: session.display ? DISPLAY_SESSION_TTL_S : SESSION_TTL_S });
  session.issuedAt = Date.now();
  await session.save();
  return viewer;
}
