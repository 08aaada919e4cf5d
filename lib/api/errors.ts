import { NOT_FOUND_CODES } from "@/lib/huawei/error-codes";
import { logger } from "@/lib/logger";

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export function jsonError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } } satisfies ApiErrorBody, { status, headers });
}

/** Thrown by handlers and services for a known client-facing failure. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** By its fields, not instanceof: services built by the server throw it from another bundle than the route's. */
function isHttpError(error: unknown): error is HttpError {
  const e = error as Partial<HttpError> | null;
  return error instanceof Error && e?.name === "HttpError" && typeof e.status === "number" && typeof e.code === "string";
}

// Route handlers are bundled apart from the server's modules, so a Huawei error thrown by the
// shared client is a different class here: recognise it by its fields, not by instanceof.
interface HuaweiErrorLike {
  name: string;
  kind: "api" | "timeout" | "network" | "schema" | "config";
  message: string;
  status?: number;
  code?: string;
  upstreamMessage?: string;
}

function isHuaweiError(error: unknown): error is HuaweiErrorLike {
  return error instanceof Error && typeof (error as Partial<HuaweiErrorLike>).kind === "string" && error.name.startsWith("Huawei");
}


/** Maps any failure to the dashboard's error shape; never leaks a stack trace. */
export function errorResponse(error: unknown): Response {
  if (isHttpError(error)) return jsonError(error.status, error.code, error.message, error.headers);
  if (isHuaweiError(error)) {
    switch (error.kind) {
      case "timeout":
        return jsonError(504, "upstream_timeout", "Huawei Cloud Meeting did not answer in time; try again shortly.");
      case "network":
        return jsonError(502, "upstream_unreachable", "Huawei Cloud Meeting could not be reached.");
      case "schema":
        logger.warn({ err: error.message }, "unexpected upstream answer");
        return jsonError(502, "upstream_bad_response", "Huawei Cloud Meeting answered with data the dashboard cannot read.");
      case "config":
        return jsonError(503, "not_configured", error.message);
      case "api": {
        const status = error.status ?? 502;
        if (error.code && NOT_FOUND_CODES.has(error.code)) {
          return jsonError(404, "not_found", "No such meeting, or it is not visible to you.");
        }
        if (status === 429) {
          return jsonError(503, "upstream_rate_limited", "Huawei Cloud Meeting is rate-limiting the dashboard; try again in a few seconds.", { "retry-after": "5" });
        }
        if (status === 401 || status === 403) {
          return jsonError(502, "upstream_auth_failed", `Huawei Cloud Meeting refused the dashboard's credentials (${error.code}).`);
        }
        return jsonError(502, "upstream_error", `Huawei Cloud Meeting failed (${status} ${error.code}).`);
      }
    }
  }
  logger.error({ err: error }, "unhandled error in route handler");
  return jsonError(500, "internal", "Something went wrong in the dashboard; the error was logged.");
}
