import { z } from "zod";

// Who is looking, as every layer names it: kept apart from the session's cookie handling and the
// services, so the services, the relay and the socket contract can name a viewer without
// importing what reaches the services (which import them back).

export const roleSchema = z.enum(["admin", "host", "wall"]);
export type Role = z.infer<typeof roleSchema>;

/**
 * The cookie holds only who signed in and a session id (to revoke it on sign-out); role and
 * Huawei user are read from the store each time.
 */
export interface SessionData {
  username?: string;
  /** A wall display's session (opened by its link) names the display instead of a user. */
  display?: string;
  sid?: string;
  issuedAt?: number;
}

export interface Viewer {
  username: string;
  role: Role;
  huaweiUserId: string | null;
  /** Set for a wall display signed in by its link. */
  displayId?: string;
}
