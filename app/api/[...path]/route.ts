import { jsonError } from "@/lib/api/errors";

/** Any API path that is not one: the same JSON error shape as every other answer, not Next's HTML page. */
function notFound(): Response {
  return jsonError(404, "not_found", "No such API route.");
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
