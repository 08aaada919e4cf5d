/**
 * Huawei's error code and message from an error body, read as the official SDK reads them
 * (huaweicloudsdkcore exception_handler.py): `error_code`/`error_msg`, `errorCode`/`errorMsg`,
 * `code`/`message`, or such a pair nested under any key.
 */
export function readErrorBody(body: unknown, depth = 0): { code: string; message: string } | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body) || depth > 4) return undefined;
  const o = body as Record<string, unknown>;
  for (const [codeKey, messageKey] of PAIRS) {
    const code = o[codeKey];
    if (typeof code === "string" || typeof code === "number") {
      const message = o[messageKey];
      return { code: String(code), message: typeof message === "string" ? message : "" };
    }
  }
  for (const value of Object.values(o)) {
    const nested = readErrorBody(value, depth + 1);
    if (nested) return nested;
  }
  return undefined;
}

const PAIRS = [
  ["error_code", "error_msg"],
  ["errorCode", "errorMsg"],
  ["code", "message"],
] as const;
