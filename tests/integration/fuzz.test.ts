import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesRequestSchema, subscriptionSchema } from "@/lib/domain/participant";
import type { Simulator } from "@/server/simulator/server";
import { startStack, type Stack } from "./dashboard";
import { LiveClient } from "./live-client";

// Property-based: whatever a signed-in user sends, on any route or socket event, the dashboard
// answers with its own error shape (never a 500 or a stack trace), and input it refuses never
// reaches Huawei. Bounded in time for CI.
let stack: Stack;
let sim: Simulator;
const TIME_LIMIT_MS = 25_000;

beforeAll(async () => {
  stack = await startStack({ seed: 9090 }, { UPSTREAM_CACHE_MS: "60000", MEETINGS_POLL_MS: "60000", RELAY_GRACE_MS: "200", RELAY_REQUEST_BURST: "100000", QUALITY: "off" });
  sim = stack.sim;
});
afterAll(() => stack?.stop());

const upstreamCalls = () => [...sim.stats.values()].reduce((a, b) => a + b, 0);

/** Text a person or a script might send: plain, unicode, path tricks, numbers out of range, encodings. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", "-1", "0", "1e309", "NaN", "null", "undefined", "true", "../../etc/passwd", "%", "%00", "%E0%A4%A", "\u0000", "<script>", "' OR 1=1", "Asia/Shanghai", "asia/shanghai", "Mars/Olympus", "1969-12-31", "2026-11-21", "2026-11-21T08:00:00+08:00", "9999-99-99", "a".repeat(600)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
);

const enc = (s: string) => encodeURIComponent(s);

/** Any of the dashboard's routes, with fuzzed path segments, query values and bodies. */
const request = fc.oneof(
  fc.record({ q: nasty, offset: nasty, limit: nasty, sort: nasty, dir: nasty, show: nasty }).map((p) => ({ method: "GET", path: `/api/meetings?q=${enc(p.q)}&offset=${enc(p.offset)}&limit=${enc(p.limit)}&sort=${enc(p.sort)}&dir=${enc(p.dir)}&show=${enc(p.show)}` })),
  nasty.map((id) => ({ method: "GET", path: `/api/meetings/${enc(id)}` })),
  fc.record({ tz: nasty, sort: nasty, ids: nasty }).map((p) => ({ method: "GET", path: `/api/meetings.csv?tz=${enc(p.tz)}&sort=${enc(p.sort)}&ids=${enc(p.ids)}` })),
  fc.record({ from: nasty, to: nasty, q: nasty, limit: nasty, sort: nasty }).map((p) => ({ method: "GET", path: `/api/history?from=${enc(p.from)}&to=${enc(p.to)}&q=${enc(p.q)}&limit=${enc(p.limit)}&sort=${enc(p.sort)}` })),
  nasty.map((ids) => ({ method: "GET", path: `/api/history/attended?ids=${enc(ids)}` })),
  fc.record({ id: nasty, tz: nasty, kind: fc.constantFrom("attendance", "attendance.csv", "attendance.xlsx") }).map((p) => ({ method: "GET", path: `/api/history/${enc(p.id)}/${p.kind}?tz=${enc(p.tz)}` })),
  fc.record({ id: nasty, body: fc.anything() }).map((p) => ({ method: "POST", path: `/api/meetings/${enc(p.id)}/host-password`, body: p.body })),
  fc.anything().map((body) => ({ method: "POST", path: "/api/admin/displays", body })),
  nasty.map((id) => ({ method: "DELETE", path: `/api/admin/displays/${enc(id)}` })),
  nasty.map((q) => ({ method: "GET", path: `/api/people/present?q=${enc(q)}` })),
  fc.record({ id: nasty, tz: nasty, kind: fc.constantFrom("participants.csv", "participants.xlsx") }).map((p) => ({ method: "GET", path: `/api/meetings/${enc(p.id)}/${p.kind}?tz=${enc(p.tz)}` })),
  fc.record({ id: nasty, pid: nasty }).map((p) => ({ method: "GET", path: `/api/quality/participants/${enc(p.id)}/${enc(p.pid)}` })),
  fc.anything().map((body) => ({ method: "POST", path: "/api/quality/thresholds", body })),
  fc.anything().map((body) => ({ method: "POST", path: "/api/alerts/channels", body })),
  fc.record({ kind: fc.constantFrom("webhook", "wecom", "dingtalk", "feishu", "welink", "email"), name: nasty, url: nasty, secret: fc.option(nasty), language: nasty, mentions: fc.anything(), to: fc.anything() }).map((body) => ({ method: "POST", path: "/api/alerts/channels", body })),
  fc.record({ reason: nasty, channelIds: fc.anything(), scope: fc.anything(), threshold: fc.anything(), windowMs: fc.anything(), workingHours: fc.anything() }).map((body) => ({ method: "POST", path: "/api/alerts/rules", body })),
  fc.record({ id: nasty, action: fc.constantFrom("ack", "silence"), body: fc.anything() }).map((p) => ({ method: "POST", path: `/api/alerts/${enc(p.id)}/${p.action}`, body: p.body })),
  nasty.map((id) => ({ method: "POST", path: `/api/alerts/channels/${enc(id)}/test` })),
  nasty.map((id) => ({ method: "DELETE", path: `/api/alerts/rules/${enc(id)}` })),
  nasty.map((path) => ({ method: "GET", path: `/api/${enc(path)}` })),
);

describe("fuzzing every route", () => {
  it("never answers 500 or a stack trace, and refused input never reaches Huawei", async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, body }: { method: string; path: string; body?: unknown }) => {
        const before = upstreamCalls();
        const res = await fetch(`${stack.dash.url}${path}`, {
          method,
          headers: { cookie: stack.admin.sessionCookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          body: body === undefined ? undefined : JSON.stringify(body) ?? "null",
        });
        const text = await res.text();
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at [\w.<]+ \(|node_modules|webpack-internal/);
        if (res.status === 400) expect(upstreamCalls(), `${method} ${path} reached Huawei`).toBe(before);
        if (res.status >= 400 && res.headers.get("content-type")?.includes("json")) {
          expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
      }),
      { numRuns: 400, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: 20261128 },
    );
  });

  it("answers sign-in attempts of any shape with 400, 401, 415, 429 or 503", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"), async (body, type) => {
        const res = await fetch(`${stack.dash.url}/api/auth/login`, { method: "POST", headers: { "content-type": type }, body: JSON.stringify(body) ?? "" });
        expect([400, 401, 415, 429, 503]).toContain(res.status);
      }),
      { numRuns: 60, interruptAfterTimeLimit: 10_000, seed: 1128 },
    );
  });
});

describe("fuzzing every socket message", () => {
  type RawSocket = { emitWithAck: (ev: string, ...args: unknown[]) => Promise<unknown>; emit: (ev: string, ...args: unknown[]) => void };
  const payload = fc.oneof(
    fc.anything(),
    fc.record({ topic: fc.constantFrom("meeting", "meetings", "wall", "wall-meeting", "nope"), conferenceID: nasty, mask: nasty, pid: nasty }, { requiredKeys: [] }),
  );

  it("refuses a malformed payload as bad_request without asking Huawei anything", async () => {
    const c = new LiveClient(stack.dash.url, stack.admin.sessionCookie);
    await c.connected();
    const raw = c.socket as unknown as RawSocket;
    const schemas = { subscribe: subscriptionSchema, unsubscribe: subscriptionSchema, changes: changesRequestSchema } as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("subscribe", "unsubscribe", "changes").chain((event) => fc.tuple(fc.constant(event), payload.filter((p) => !schemas[event].safeParse(p).success))),
        async ([event, data]) => {
          const before = upstreamCalls();
          const answer = (await raw.emitWithAck(event, data)) as { ok: boolean; error?: { code: string } };
          expect(answer).toMatchObject({ ok: false, error: { code: "bad_request" } });
          expect(upstreamCalls()).toBe(before);
        },
      ),
      { numRuns: 200, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: 2811 },
    );
    c.close();
  });

  it("answers any payload on any event, with or without an ack, without an internal error, and keeps serving", async () => {
    const c = new LiveClient(stack.dash.url, stack.admin.sessionCookie);
    await c.connected();
    const raw = c.socket as unknown as RawSocket;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("subscribe", "unsubscribe", "resync", "changes", "snapshot", "unknown-event"), payload, fc.boolean(), async (event, data, withAck) => {
        if (!withAck || event === "resync" || event === "snapshot" || event === "unknown-event") {
          raw.emit(event, data, withAck ? "not a function" : undefined);
          return;
        }
        const answer = (await raw.emitWithAck(event, data)) as { ok: boolean; error?: { code: string } };
        expect(typeof answer.ok).toBe("boolean");
        if (!answer.ok) expect(answer.error?.code).not.toBe("internal");
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: 2812 },
    );
    expect((await c.subscribe({ topic: "meetings" })).ok).toBe(true);
    expect(stack.dash.output()).not.toMatch(/unhandled|is not a function|TypeError/);
    c.close();
  });
});
