/** Every failure of a Huawei call surfaces as one of these, never as a raw fetch error. */
export class HuaweiError extends Error {
  constructor(
    message: string,
    readonly kind: "api" | "timeout" | "network" | "schema" | "config",
    readonly path: string,
  ) {
    super(message);
    this.name = "HuaweiError";
  }
}

/** Huawei answered with a non-2xx status and (usually) an `error_code`/`error_msg` body. */
export class HuaweiApiError extends HuaweiError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly upstreamMessage: string,
    path: string,
    readonly requestId?: string,
  ) {
    super(`Huawei ${path} answered ${status} ${code}${upstreamMessage ? ` (${upstreamMessage})` : ""}`, "api", path);
    this.name = "HuaweiApiError";
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export class HuaweiTimeoutError extends HuaweiError {
  constructor(path: string, ms: number) {
    super(`Huawei ${path} did not answer within ${ms} ms`, "timeout", path);
    this.name = "HuaweiTimeoutError";
  }
}

export class HuaweiNetworkError extends HuaweiError {
  constructor(path: string, cause: unknown) {
    super(`Huawei ${path} could not be reached: ${describeCause(cause)}`, "network", path);
    this.name = "HuaweiNetworkError";
  }
}

export class HuaweiSchemaError extends HuaweiError {
  constructor(path: string, issues: string) {
    super(`Huawei ${path} answered with an unexpected shape: ${issues}`, "schema", path);
    this.name = "HuaweiSchemaError";
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: { code?: string; message?: string } }).cause;
    return inner?.code ?? inner?.message ?? cause.message;
  }
  return String(cause);
}
