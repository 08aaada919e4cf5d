import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { NOT_FOUND_CODES } from "./error-codes";
import { HuaweiApiError, HuaweiNetworkError, HuaweiSchemaError, HuaweiTimeoutError } from "./errors";
import { conferenceListSchema } from "./schemas";
import { HuaweiTransport } from "./transport";

// A real HTTP server whose next answers the test scripts, so the transport is tested over the wire.
type Answer = { status: number; body?: string; hang?: boolean };
let script: Answer[] = [];
let hits = 0;
let lastLanguage: string | undefined;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    lastLanguage = req.headers["accept-language"];
    const answer = script.shift() ?? { status: 200, body: "{}" };
    if (answer.hang) return;
    res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body ?? "");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  script = [];
  hits = 0;
});

const transport = () => new HuaweiTransport({ baseUrl, timeoutMs: 300, maxRetries: 2, requestsPerSecond: 100, backoffBaseMs: 5 });
const anything = z.unknown();

describe("HuaweiTransport", () => {
  it("ignores unknown fields and tolerates absent optional ones", async () => {
    script = [{ status: 200, body: JSON.stringify({ count: 1, data: [{ conferenceID: "914083136", someNewField: { x: 1 } }], extra: true }) }];
    const page = await transport().send({ path: "/list" }, conferenceListSchema);
    expect(page.data[0]).toEqual({ conferenceID: "914083136" });
  });

  it("turns a malformed answer into a HuaweiSchemaError naming the field", async () => {
    script = [{ status: 200, body: JSON.stringify({ count: "many", data: [] }) }];
    const error = await transport().send({ path: "/list" }, conferenceListSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuaweiSchemaError);
    expect((error as Error).message).toContain("count");
  });

  it("rejects a body that is not JSON", async () => {
    script = [{ status: 200, body: "<html>gateway</html>" }];
    await expect(transport().send({ path: "/x" }, anything)).rejects.toBeInstanceOf(HuaweiSchemaError);
  });

  it("maps Huawei's error body to a typed error without retrying a 400", async () => {
    script = [{ status: 400, body: JSON.stringify({ error_code: "MMC.111070005", error_msg: "CONF_DATA_NOT_FOUND" }) }];
    const error = (await transport().send({ path: "/x" }, anything).catch((e: unknown) => e)) as HuaweiApiError;
    expect(error).toBeInstanceOf(HuaweiApiError);
    expect([error.status, error.code, error.upstreamMessage, NOT_FOUND_CODES.has(error.code)]).toEqual([400, "MMC.111070005", "CONF_DATA_NOT_FOUND", true]);
    expect(hits).toBe(1);
  });

  it("retries 500 and 429 and succeeds when Huawei recovers", async () => {
    script = [{ status: 500, body: "{}" }, { status: 429, body: JSON.stringify({ error_code: "APIGW.0308", error_msg: "throttled" }) }, { status: 200, body: '{"ok":1}' }];
    expect(await transport().send({ path: "/x" }, anything)).toEqual({ ok: 1 });
    expect(hits).toBe(3);
  });

  it("gives up after the retry bound with the last error", async () => {
    script = [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 200, body: "{}" }];
    const error = (await transport().send({ path: "/x" }, anything).catch((e: unknown) => e)) as HuaweiApiError;
    expect(error.status).toBe(503);
    expect(error.code).toBe("HTTP.503");
    expect(hits).toBe(3);
  });

  it("times out a call that never answers", async () => {
    script = [{ status: 200, hang: true }];
    await expect(transport().send({ path: "/slow" }, anything)).rejects.toBeInstanceOf(HuaweiTimeoutError);
    expect(hits).toBe(1);
  });

  it("reports a refused connection as a network error after retrying", async () => {
    const dead = new HuaweiTransport({ baseUrl: "http://127.0.0.1:9", timeoutMs: 300, maxRetries: 1, requestsPerSecond: 100, backoffBaseMs: 5 });
    await expect(dead.send({ path: "/x" }, anything)).rejects.toBeInstanceOf(HuaweiNetworkError);
  });

  it("keeps to its rate budget", async () => {
    const slow = new HuaweiTransport({ baseUrl, timeoutMs: 1000, maxRetries: 0, requestsPerSecond: 5 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 11 }, () => slow.send({ path: "/x" }, anything)));
    // 5 in the first second, 5 in the second, the 11th in the third.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it("reads Huawei's error code in every spelling the official SDK reads", async () => {
    const bodies = [
      { error_code: "MMC.111070005", error_msg: "CONF_DATA_NOT_FOUND" },
      { errorCode: "MMC.111070005", errorMsg: "CONF_DATA_NOT_FOUND" },
      { code: "MMC.111070005", message: "CONF_DATA_NOT_FOUND" },
      { error: { code: "MMC.111070005", message: "CONF_DATA_NOT_FOUND" } },
      { result: { error: { error_code: "MMC.111070005", error_msg: "CONF_DATA_NOT_FOUND" } } },
    ];
    for (const body of bodies) {
      script = [{ status: 400, body: JSON.stringify(body) }];
      const error = await transport().send({ path: "/x" }, anything).catch((e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(HuaweiApiError);
      expect((error as HuaweiApiError).code).toBe("MMC.111070005");
      expect((error as HuaweiApiError).upstreamMessage).toBe("CONF_DATA_NOT_FOUND");
    }
  });

  it("states its language on every call: en-US unless the request names another", async () => {
    script = [{ status: 200, body: "{}" }, { status: 200, body: "{}" }];
    await transport().send({ path: "/x" }, anything);
    expect(lastLanguage).toBe("en-US");
    await transport().send({ path: "/x", headers: { "accept-language": "zh-CN" } }, anything);
    expect(lastLanguage).toBe("zh-CN");
  });
});
