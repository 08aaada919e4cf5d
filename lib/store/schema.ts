import { z } from "zod";
import { roleSchema } from "@/lib/auth/viewer";

/**
 * The rows of every table, as zod schemas: the Kysely types below come from them, and rows read
 * from a store another version may have written are checked against them where it matters.
 * Column names are snake_case in SQL and camelCase here (Kysely's CamelCasePlugin).
 */
export const usernameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{2,64}$/, "a username is 2 to 64 letters, digits, dots, dashes or underscores");

export const userRowSchema = z.object({
  username: usernameSchema,
  /** scrypt$... (lib/auth/password): never the password. */
  passwordHash: z.string(),
  role: roleSchema,
  /** The Huawei user a host signs in to Huawei as (App ID auth's `userId`). */
  huaweiUserId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserRow = z.infer<typeof userRowSchema>;

export const displayRowSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().trim().min(1).max(80),
  /** SHA-256 of the link's token: the token itself is shown once, at creation, and never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The wall's URL settings ("only=attention&mask=initials"). */
  settings: z.string().max(1000),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type DisplayRow = z.infer<typeof displayRowSchema>;

export const revokedSessionRowSchema = z.object({
  sid: z.string(),
  /** Epoch ms. */
  revokedAt: z.number(),
  /** When the cookie would have expired anyway: the row is useless after it. */
  expiresAt: z.number(),
});
export type RevokedSessionRow = z.infer<typeof revokedSessionRowSchema>;

export interface Database {
  users: UserRow;
  displays: DisplayRow;
  revokedSessions: RevokedSessionRow;
}
