import { z } from "zod";
import { HttpError } from "./errors";

export const conferenceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{1,32}$/, "a conference ID is 1 to 32 letters and digits");

export const listQuerySchema = z.object({
  q: z.string().trim().max(128, "must be at most 128 characters").default(""),
  offset: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").default(0),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 to 500")
    .max(500, "must be 1 to 500")
    .default(50),
});

/** Validates before anything reaches Huawei; the first problem becomes a 400 with a clear message. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  throw new HttpError(400, "bad_request", `${where}${issue.message}`);
}

export function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}
