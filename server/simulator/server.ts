import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { authRoutes } from "./auth-api";
import { ConfTokenStore } from "./conf-tokens";
import type { SimContext } from "./context";
import { controlRoutes } from "./control-api";
import { SimEventPush } from "./event-push";
import { FaultBook, faultBody } from "./faults";
import { header, readBody, send, SimError, type RouteTable, type SimRequest } from "./http";
import { managementRoutes } from "./management-api";
import { PushSocketServer } from "./push-socket";
import { qualityRoutes } from "./quality-api";
import { QualityThresholds } from "./quality-thresholds";
import { meetingControl, simRoutes } from "./sim-api";
import { TokenStore } from "./token-store";
import { World } from "./world";

export interface SimulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  ongoing?: number;
  historyDays?: number;
  historyPerDay?: number;
  retentionDays?: number;
  appId?: string;
  appKey?: string;
  account?: string;
  password?: string;
  tokenTtlSeconds?: number;
  /** How often simulated life moves on; 0 freezes the world (tests that need fixed data). */
  tickMs?: number;
  /** The push socket closes after this long without a HeartBeat (Huawei: 180 s). */
  heartbeatTimeoutMs?: number;
  /** Lifetime of meeting-control tokens (Huawei: 1800 s). */
  confTokenTtlSeconds?: number;
  /** Whether Huawei has switched the enterprise's QoS statistics on (default yes; off: the metrics APIs answer 403). */
  qualityEnabled?: boolean;
}

/** Credentials the embedded simulator accepts; it only ever listens on loopback. */
export const SIMULATOR_DEFAULTS = {
  appId: "5d1f1a5e0c3b4b7f9a7c2f1e8d6b4a90",
  appKey: "sim-app-key-not-a-secret-0123456789abcdef",
  account: "admin",
  password: "Simulator#2026",
} as const;

/** App ID credentials of the simulator's default enterprise admin, as the Huawei client takes them. */
export const SIMULATOR_APP_AUTH = { kind: "appId", appId: SIMULATOR_DEFAULTS.appId, appKey: SIMULATOR_DEFAULTS.appKey, userId: "" } as const;

/** The environment that points a dashboard at a simulator with App ID credentials. */
export function simulatorEnv(url: string): Record<string, string> {
  return { HUAWEI_MEETING_API_BASE: url, HUAWEI_APP_ID: SIMULATOR_DEFAULTS.appId, HUAWEI_APP_KEY: SIMULATOR_DEFAULTS.appKey };
}

export interface Simulator extends Omit<SimContext, "wsBase" | "credentials"> {
  url: string;
  close(): Promise<void>;
}

/**
 * A separate HTTP + WebSocket server speaking Huawei Cloud Meeting's API as the reference
 * describes it, with API areas in their own modules: auth-api, management-api, control-api,
 * push-socket (the meeting-control WebSocket), sim-api (the `/__sim` test surface) and the world.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const credentials = { ...SIMULATOR_DEFAULTS, ...opts };
  const world = new World({ seed: opts.seed ?? 20261121, ongoing: opts.ongoing ?? 24, historyDays: opts.historyDays ?? 30, historyPerDay: opts.historyPerDay, retentionDays: opts.retentionDays });
  const confTokens = new ConfTokenStore(world.rng, opts.confTokenTtlSeconds ?? 1800);
  let wsBase = "";
  const ctx: SimContext = {
    credentials,
    world,
    tokens: new TokenStore(world.rng, opts.tokenTtlSeconds ?? 12 * 3600),
    confTokens,
    faults: new FaultBook(),
    events: new PushSocketServer(world, confTokens, { heartbeatTimeoutMs: opts.heartbeatTimeoutMs ?? 180_000 }),
    eventPush: new SimEventPush(world),
    quality: { enabled: opts.qualityEnabled ?? true, thresholds: new QualityThresholds() },
    stats: new Map(),
    wsBase: () => wsBase,
  };
  const languages = new Map<string, string>();
  const routes: RouteTable = { ...authRoutes(ctx), ...managementRoutes(ctx), ...controlRoutes(ctx), ...qualityRoutes(ctx), ...simRoutes(ctx, languages) };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sim");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (!path.startsWith("/__sim")) {
      const key = `${method} ${path}`;
      ctx.stats.set(key, (ctx.stats.get(key) ?? 0) + 1);
      languages.set(key, header(req, "accept-language") ?? "");
      const fault = ctx.faults.take(path);
      if (fault?.hang) return; // the socket stays open and silent until the client gives up
      if (fault?.drop) return void req.socket.destroy();
      if (fault?.status) return send(res, fault.status, fault.body ?? faultBody(fault.status));
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    try {
      const request: SimRequest = { method, path, query: url.searchParams, headers: req.headers, body: await readBody(req) };
      const route = path.startsWith("/__sim/meetings/") ? (r: SimRequest) => meetingControl(ctx, r) : routes[`${method} ${path}`];
      if (!route) throw new SimError(404, "APIGW.0101", "The API does not exist or has not been published in the environment");
      send(res, 200, await route(request));
    } catch (error) {
      if (error instanceof SimError) return send(res, error.status, { error_code: error.code, error_msg: error.message, request_id: randomBytes(16).toString("hex") });
      if (error instanceof z.ZodError) return send(res, 400, { error_code: "SIM.400", error_msg: z.prettifyError(error) });
      send(res, 500, { error_code: "MMC.000000500", error_msg: "SYSTEM_ERROR" });
    }
  };

  const tick = opts.tickMs ?? 1000;
  const timer = tick > 0 ? setInterval(() => world.tick(), tick) : undefined;
  timer?.unref();

  const server: Server = createServer((req, res) => void handler(req, res));
  ctx.events.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  wsBase = `ws://${opts.host ?? "127.0.0.1"}:${port}`;
  return {
    world,
    tokens: ctx.tokens,
    confTokens,
    faults: ctx.faults,
    events: ctx.events,
    eventPush: ctx.eventPush,
    quality: ctx.quality,
    stats: ctx.stats,
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        ctx.events.close();
        ctx.eventPush.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
