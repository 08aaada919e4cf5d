import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

/** A failure the simulator answers with Huawei's error body. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = () => new SimError(400, "MMC.111070005", "CONF_DATA_NOT_FOUND");
export const invalidToken = () => new SimError(401, "USG.000000004", "Invalid token");
export const badParam = (what: string) => new SimError(400, "MMC.111070001", `PARAM_ERROR: ${what}`);

/** One parsed call, as every route handler receives it. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Handlers keyed by "METHOD path". */
export type RouteTable = Record<string, (req: SimRequest) => unknown>;

export function header(req: { headers: IncomingHttpHeaders }, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function required(q: URLSearchParams, name: string): string {
  const value = q.get(name);
  if (!value) throw badParam(`${name} is required`);
  return value;
}

export function epochMs(q: URLSearchParams, name: string): number {
  const n = Number(required(q, name));
  if (!Number.isFinite(n) || n < 0) throw badParam(`${name} must be epoch milliseconds`);
  return n;
}

const MAX_PAGE = 500;

/** Huawei's paging: offset and limit (default 20, silently capped at 500) and the total count. */
export function page<T>(rows: T[], q: URLSearchParams, defaultLimit = 20) {
  const offset = q.has("offset") ? Number(q.get("offset")) : 0;
  const rawLimit = q.has("limit") ? Number(q.get("limit")) : defaultLimit;
  if (!Number.isInteger(offset) || offset < 0) throw badParam("offset");
  if (!Number.isInteger(rawLimit) || rawLimit < 1) throw badParam("limit");
  const limit = Math.min(rawLimit, MAX_PAGE);
  return { offset, limit, count: rows.length, data: rows.slice(offset, offset + limit) };
}

export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new SimError(400, "USG.000000001", "Request body is not JSON");
  }
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "x-request-id": randomBytes(16).toString("hex"),
    "cache-control": "no-cache",
    server: "api-gateway",
  });
  res.end(text);
}
