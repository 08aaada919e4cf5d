import type { z } from "zod";

/** A failed dashboard API call, carrying the server's `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a dashboard API and validates the answer; a lapsed session sends the user to sign in. */
export async function getJson<S extends z.ZodType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "offline", "The dashboard server cannot be reached.");
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw failure(res, body);
  return schema.parse(body);
}

/** Sends JSON to a dashboard API (its answer is returned, or undefined for a 204); failures throw ApiError with the server's code. */
export async function sendJson(method: "POST" | "DELETE", url: string, payload?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
  } catch {
    throw new ApiError(0, "offline", "The dashboard server cannot be reached.");
  }
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw failure(res, body);
  return body;
}

/** POSTs JSON to a dashboard API that answers 204. */
export async function postJson(url: string, payload: unknown): Promise<void> {
  await sendJson("POST", url, payload);
}

/** The server's `{error}` as an ApiError; a lapsed session sends the user to sign in. */
function failure(res: Response, body: unknown): ApiError {
  if (res.status === 401 && typeof window !== "undefined") {
    window.location.replace(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `The server answered ${res.status}.`);
}
