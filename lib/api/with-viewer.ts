import { cookies } from "next/headers";
import { currentViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/auth/viewer";
import { setLane } from "@/lib/request-context";
import { errorResponse, jsonError } from "./errors";

/** The people who sit at a desk; a wall display reads only what the wall shows. */
export const DESK_ROLES: readonly Role[] = ["admin", "host"];

/**
 * Wraps a route handler: the caller must hold a session of a user who still exists, with one of
 * `roles` (every role when omitted), and any failure leaves as the dashboard's JSON error shape.
 */
export function withViewer<C>(handler: (req: Request, viewer: Viewer, ctx: C) => Promise<Response>, roles?: readonly Role[]) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const viewer = await currentViewer(await cookies());
      if (!viewer) return jsonError(401, "unauthenticated", "Sign in first.");
      // This user's upstream calls wait in their own lane of the shared budget (and their log lines name them).
      setLane(viewer.username);
      if (roles && !roles.includes(viewer.role)) return jsonError(403, "forbidden", "This account may not read this.");
      return await handler(req, viewer, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
