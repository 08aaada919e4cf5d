import { cookies } from "next/headers";
import { getSession, SESSION_TTL_S } from "@/lib/auth/session";
import { sessionRoom } from "@/lib/live/socket-rooms";
import { services } from "@/lib/services";

/** Clears the cookie, revokes the session so a copy of the cookie stops working too, and closes its open sockets. */
export async function POST(): Promise<Response> {
  const session = await getSession(await cookies());
  if (session.sid) {
    const left = (session.issuedAt ?? Date.now()) + SESSION_TTL_S * 1000 - Date.now();
    await services().revokedSessions.revoke(session.sid, Math.max(1, left));
    services().disconnectRoom(sessionRoom(session.sid));
  }
  session.destroy();
  return new Response(null, { status: 204 });
}
