import { cookies } from "next/headers";
import { currentViewer, type Viewer } from "@/lib/auth/session";
import { errorResponse, jsonError } from "./errors";

/**
 * Wraps a route handler: the caller must hold a session of a user who still exists, and any
 * failure leaves as the dashboard's JSON error shape.
 */
export function withViewer<C>(handler: (req: Request, viewer: Viewer, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const viewer = await currentViewer(await cookies());
      if (!viewer) return jsonError(401, "unauthenticated", "Sign in first.");
      return await handler(req, viewer, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
