import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "@/lib/api/client-address";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { sameOrigin } from "./relay/handshake";

export interface GuardOptions {
  /** Proxies in front of the dashboard whose X-Forwarded-For is believed (0: the socket's peer is the client). */
  trustProxyHops: number;
  /** Largest request body accepted; JSON routes take a few hundred bytes. */
  maxBodyBytes: number;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The client's address: the socket's peer, or the entry `trustProxyHops` from the right of X-Forwarded-For. */
export function clientAddressOf(req: IncomingMessage, trustProxyHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustProxyHops <= 0) return peer;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustProxyHops] ?? forwarded[0] ?? peer;
}

/** The context a request runs in: its id (a proxy's, when well-formed, so logs line up), the client's address and, once known, the user's lane. */
export function contextOf(req: IncomingMessage, opts: GuardOptions): RequestContext {
  const incoming = req.headers["x-request-id"];
  const fromProxy = opts.trustProxyHops > 0 && typeof incoming === "string" && REQUEST_ID.test(incoming);
  return { requestId: fromProxy ? incoming : randomUUID(), clientIp: clientAddressOf(req, opts.trustProxyHops) };
}

function refuse(res: ServerResponse, status: number, code: string, message: string): true {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...(status === 413 ? { connection: "close" } : {}) });
  res.end(JSON.stringify({ error: { code, message } }));
  return true;
}

/**
 * What every request must be before Next sees it; true when it was answered here. A state-changing
 * request must come from this site's own pages (no Origin of another site: login CSRF), carry JSON
 * if it carries anything, and say its size, which must be small: a 100 MB body is refused before
 * a byte of it is read.
 */
export function guard(req: IncomingMessage, res: ServerResponse, context: RequestContext, opts: GuardOptions): boolean {
  res.setHeader("x-request-id", context.requestId);
  req.headers[CLIENT_ADDRESS_HEADER] = context.clientIp;
  const url = req.url ?? "/";
  const pathname = url.split("?")[0]!;
  const api = pathname.startsWith("/api/") || pathname === "/api" || pathname === "/metrics";
  if (api) res.setHeader("cache-control", "no-store");
  try {
    decodeURIComponent(pathname);
  } catch {
    return refuse(res, 400, "bad_request", "The address is not valid URL encoding.");
  }
  const method = req.method ?? "GET";
  if (!STATE_CHANGING.has(method)) return false;
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  if (!sameOrigin(origin, req.headers.host) || site === "cross-site" || site === "same-site") {
    return refuse(res, 403, "cross_origin", "This request must come from the dashboard's own pages.");
  }
  const length = req.headers["content-length"];
  if (req.headers["transfer-encoding"] && length === undefined) {
    return refuse(res, 411, "length_required", "Send the body with a Content-Length.");
  }
  const size = Number(length ?? 0);
  if (size > opts.maxBodyBytes) return refuse(res, 413, "body_too_large", `The body may be at most ${opts.maxBodyBytes} bytes.`);
  if (size > 0 && !/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
    return refuse(res, 415, "unsupported_media_type", "Send JSON (Content-Type: application/json).");
  }
  return false;
}

/** One line per API request when it is answered, with its id, so a user's report leads to every line it caused. */
export function logWhenAnswered(req: IncomingMessage, res: ServerResponse, context: RequestContext): void {
  const url = req.url ?? "/";
  if (!url.startsWith("/api/") && !url.startsWith("/metrics")) return;
  const started = performance.now();
  res.once("finish", () => {
    // Said outright: the finish event fires outside the request's async context.
    logger.info({ reqId: context.requestId, method: req.method, path: url.split("?")[0], status: res.statusCode, ms: Math.round(performance.now() - started), user: context.lane }, "request");
  });
}
