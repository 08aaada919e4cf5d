import type { z } from "zod";
import { currentContext } from "@/lib/request-context";
import { readErrorBody } from "./error-body";
import { HuaweiApiError, HuaweiError, HuaweiNetworkError, HuaweiSchemaError, HuaweiTimeoutError } from "./errors";
import { FairBudget } from "./fair-budget";

export interface HuaweiRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  requestsPerSecond: number;
  /** Sent as Accept-Language on every call unless the request names its own (default en-US): Huawei answers in Chinese without it. */
  language?: string;
  /** Base of the exponential backoff; tests shorten it. */
  backoffBaseMs?: number;
  onOutcome?: (outcome: { path: string; ok: boolean; error?: HuaweiError; durationMs: number }) => void;
}

export const DEFAULT_LANGUAGE = "en-US";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends requests to Huawei: a rate budget shared fairly between users (each request spends the
 * share of the lane in its request context), a per-attempt timeout, retries with full-jitter
 * exponential backoff on 429/5xx/network errors, typed errors, and zod-validated answers.
 * It knows nothing of tokens; the client above it adds them.
 */
export class HuaweiTransport {
  readonly budget: FairBudget;
  private readonly backoffBaseMs: number;

  constructor(private readonly opts: TransportOptions) {
    this.budget = new FairBudget(opts.requestsPerSecond);
    this.backoffBaseMs = opts.backoffBaseMs ?? 250;
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  async send<S extends z.ZodType>(req: HuaweiRequest, schema: S): Promise<z.infer<S>> {
    const started = performance.now();
    try {
      const json = await this.sendWithRetries(req);
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new HuaweiSchemaError(
          req.path,
          parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
        );
      }
      this.opts.onOutcome?.({ path: req.path, ok: true, durationMs: performance.now() - started });
      return parsed.data;
    } catch (error) {
      if (error instanceof HuaweiError) this.opts.onOutcome?.({ path: req.path, ok: false, error, durationMs: performance.now() - started });
      throw error;
    }
  }

  private async sendWithRetries(req: HuaweiRequest): Promise<unknown> {
    const lane = currentContext()?.lane ?? "system";
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.budget.run(lane, () => this.attempt(req));
      } catch (error) {
        const retryable =
          error instanceof HuaweiNetworkError || (error instanceof HuaweiApiError && error.retryable);
        if (!retryable || attempt >= this.opts.maxRetries) throw error;
        const ceiling = this.backoffBaseMs * 2 ** attempt;
        await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
      }
    }
  }

  private async attempt(req: HuaweiRequest): Promise<unknown> {
    const url = new URL(req.path, this.opts.baseUrl);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    let res: Response;
    try {
      res = await fetch(url, {
        method: req.method ?? "GET",
        headers: {
          accept: "application/json",
          "accept-language": this.opts.language ?? DEFAULT_LANGUAGE,
          ...(req.body === undefined ? {} : { "content-type": "application/json; charset=UTF-8" }),
          ...req.headers,
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "TimeoutError") {
        throw new HuaweiTimeoutError(req.path, this.opts.timeoutMs);
      }
      throw new HuaweiNetworkError(req.path, error);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (error) {
      if (error instanceof DOMException && error.name === "TimeoutError") {
        throw new HuaweiTimeoutError(req.path, this.opts.timeoutMs);
      }
      throw new HuaweiNetworkError(req.path, error);
    }
    const json = parseJson(text);
    if (!res.ok) {
      const body = readErrorBody(json);
      throw new HuaweiApiError(res.status, body?.code || `HTTP.${res.status}`, body?.message || res.statusText, req.path, res.headers.get("x-request-id") ?? undefined);
    }
    if (json === undefined && text.trim() !== "") {
      throw new HuaweiSchemaError(req.path, "the body is not JSON");
    }
    return json ?? {};
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
