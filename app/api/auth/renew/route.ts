import { cookies } from "next/headers";
import { errorResponse, jsonError } from "@/lib/api/errors";
import { renewSession } from "@/lib/auth/session";

/** Slides the session's lifetime forward; open pages call it now and then, so work is never cut off. */
export async function POST(): Promise<Response> {
  try {
    return (await renewSession(await cookies())) ? new Response(null, { status: 204 }) : jsonError(401, "unauthenticated", "Sign in first.");
  } catch (error) {
    return errorResponse(error);
  }
}
