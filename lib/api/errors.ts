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


/** A failure as the dashboard tells it to a client, over HTTP or in a socket ack. */
export interface ClientError {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/**
 * The one classification of failures, used by route handlers and the socket relay alike: known
 * dashboard errors keep their code, Huawei's become upstream_* (a "not found" in any spelling is
 * not_found), anything else is logged and told as `internal`, never with a stack trace.
 */
export function classifyError(error: unknown): ClientError {
  if (isHttpError(error)) return { status: error.status, code: error.code, message: error.message, headers: error.headers };
  // By name, like HttpError: the store is built by the server, in another bundle than the route.
  if (error instanceof Error && error.name === "StoreUnavailableError") {
    return { status: 503, code: "store_unavailable", message: error.message, headers: { "retry-after": "5" } };
  }
  if (isHuaweiError(error)) {
    switch (error.kind) {
      case "timeout":
        return { status: 504, code: "upstream_timeout", message: "Huawei Cloud Meeting did not answer in time; try again shortly." };
      case "network":
        return { status: 502, code: "upstream_unreachable", message: "Huawei Cloud Meeting could not be reached." };
      case "schema":
        logger.warn({ err: error.message }, "unexpected upstream answer");
        return { status: 502, code: "upstream_bad_response", message: "Huawei Cloud Meeting answered with data the dashboard cannot read." };
      case "config":
        return { status: 503, code: "not_configured", message: error.message };
      case "api": {
        const status = error.status ?? 502;
        if (error.code && NOT_FOUND_CODES.has(error.code)) {
          return { status: 404, code: "not_found", message: "No such meeting, or it is not visible to you." };
        }
        if (status === 429) {
          return { status: 503, code: "upstream_rate_limited", message: "Huawei Cloud Meeting is rate-limiting the dashboard; try again in a few seconds.", headers: { "retry-after": "5" } };
        }
        if (status === 401 || status === 403) {
          return { status: 502, code: "upstream_auth_failed", message: `Huawei Cloud Meeting refused the dashboard's credentials (${error.code}).` };
        }
        return { status: 502, code: "upstream_error", message: `Huawei Cloud Meeting failed (${status} ${error.code}).` };
      }
    }
  }
  logger.error({ err: error }, "unhandled error");
  return { status: 500, code: "internal", message: "Something went wrong in the dashboard; the error was logged." };
}

/** Maps any failure to the dashboard's error shape; never leaks a stack trace. */
export function errorResponse(error: unknown): Response {
  const { status, code, message, headers } = classifyError(error);
  return jsonError(status, code, message, headers);
}
