import http from "node:http";
import https from "node:https";
import { resolveChecked, type AddressPolicy } from "./outbound-address";

export interface PostLimits {
  /** The whole call, connect to last byte. */
  timeoutMs: number;
  /** Of the answer read; the rest is not waited for. */
  maxAnswerBytes: number;
}

export const DEFAULT_POST_LIMITS: PostLimits = { timeoutMs: 10_000, maxAnswerBytes: 64 * 1024 };

export interface PostAnswer {
  status: number;
  /** The answer's first maxAnswerBytes, as text. */
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * POSTs a body to a channel's URL: the host resolved once and checked (outbound-address), the
 * connection made to that very address (so the name cannot resolve elsewhere in between), no
 * redirect followed (a 3xx is an answer like any other), and time and size bounded.
 */
export async function postTo(url: URL, body: string, headers: Record<string, string>, policy: AddressPolicy, limits: PostLimits = DEFAULT_POST_LIMITS): Promise<PostAnswer> {
  const secure = url.protocol === "https:";
  if (!secure && url.protocol !== "http:") throw new Error(`cannot post to ${url.protocol} URLs`);
  const address = await resolveChecked(url.hostname, policy, !secure);
  const transport = secure ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      {
        host: address,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        // Certificates are checked against the name, not the address connected to.
        servername: secure ? url.hostname.replace(/^\[|\]$/g, "") : undefined,
        headers: { ...headers, host: url.host, "content-length": Buffer.byteLength(body).toString() },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, limits.maxAnswerBytes), headers: res.headers });
        };
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          chunks.push(chunk);
          if (size >= limits.maxAnswerBytes) {
            res.destroy();
            done();
          }
        });
        res.on("end", done);
        res.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${limits.timeoutMs} ms`), { code: "ETIMEDOUT" })), limits.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
