import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { FaultBook, faultBody, faultSchema } from "./faults";
import { ConfTokenStore } from "./conf-tokens";
import { EventSocketServer } from "./event-socket-server";
import { conferenceInfo, participantInfo } from "./huawei-format";
import { realTimeInfo } from "./push-frames";
import { TokenStore } from "./token-store";
import { World, type SimMeeting, type SimUser } from "./world";

export interface SimulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  ongoing?: number;
  historyDays?: number;
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

export interface Simulator {
  url: string;
  world: World;
  faults: FaultBook;
  tokens: TokenStore;
  confTokens: ConfTokenStore;
  events: EventSocketServer;
  /** Calls per "METHOD path" since start or the last reset. */
  stats: Map<string, number>;
  close(): Promise<void>;
}

const MAX_PAGE = 500;
const MGMT = "/v1/mmc/management/conferences";

class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = () => new SimError(400, "MMC.111070005", "CONF_DATA_NOT_FOUND");
const invalidToken = () => new SimError(401, "USG.000000004", "Invalid token");
const badParam = (what: string) => new SimError(400, "MMC.111070001", `PARAM_ERROR: ${what}`);

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const cfg = { ...SIMULATOR_DEFAULTS, ...opts };
  const world = new World({ seed: opts.seed ?? 20261121, ongoing: opts.ongoing ?? 24, historyDays: opts.historyDays ?? 30 });
  const tokens = new TokenStore(world.rng, opts.tokenTtlSeconds ?? 12 * 3600);
  const faults = new FaultBook();
  const stats = new Map<string, number>();
  const confTokens = new ConfTokenStore(world.rng, opts.confTokenTtlSeconds ?? 1800);
  const events = new EventSocketServer(world, confTokens, { heartbeatTimeoutMs: opts.heartbeatTimeoutMs ?? 180_000 });
  let wsBase = "";

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sim");
    const path = url.pathname;
    if (!path.startsWith("/__sim")) {
      const key = `${req.method} ${path}`;
      stats.set(key, (stats.get(key) ?? 0) + 1);
      const fault = faults.take(path);
      if (fault?.hang) return; // the socket stays open and silent until the client gives up
      if (fault?.drop) return void req.socket.destroy();
      if (fault?.status) return send(res, fault.status, faultBody(fault.status));
    }
    try {
      const body = await readBody(req);
      const result = await route(req.method ?? "GET", path, url.searchParams, req, body);
      send(res, 200, result);
    } catch (error) {
      if (error instanceof SimError) return send(res, error.status, { error_code: error.code, error_msg: error.message, request_id: randomBytes(16).toString("hex") });
      if (error instanceof z.ZodError) return send(res, 400, { error_code: "SIM.400", error_msg: z.prettifyError(error) });
      send(res, 500, { error_code: "MMC.000000500", error_msg: "SYSTEM_ERROR" });
    }
  };

  const userOfRequest = (req: IncomingMessage): SimUser => {
    const user = tokens.userOf(header(req, "x-access-token"));
    if (!user) throw invalidToken();
    return user;
  };

  const authResponse = (user: SimUser) => {
    const { token, expiresAt } = tokens.issue(user);
    const now = Date.now();
    return {
      accessToken: token,
      tokenIp: "127.0.0.1",
      validPeriod: Math.round((expiresAt - now) / 1000),
      expireTime: Math.floor(expiresAt / 1000),
      createTime: now,
      user: {
        realm: "huaweicloud.com",
        userId: user.userUUID,
        ucloginAccount: user.userId,
        companyId: "651543334",
        userType: 2,
        adminType: user.isAdmin ? 0 : 2,
        name: user.name,
        thirdAccount: user.userId,
        status: 0,
        appId: cfg.appId,
      },
      clientType: 72,
      firstLogin: false,
      pwdExpired: false,
      tokenType: 0,
    };
  };

  const appAuth = (req: IncomingMessage, body: unknown) => {
    const parsed = z
      .object({
        appId: z.string(),
        clientType: z.number(),
        expireTime: z.number(),
        nonce: z.string().min(32).max(64),
        userId: z.string().nullish(),
        corpId: z.string().nullish(),
      })
      .safeParse(body);
    if (!parsed.success) throw new SimError(400, "USG.000000001", "PARAM_ERROR");
    const { appId, expireTime, nonce } = parsed.data;
    const userId = parsed.data.userId ?? "";
    const signature = /signature=([0-9a-fA-F]{64})/.exec(header(req, "authorization") ?? "")?.[1]?.toLowerCase();
    const expected = createHmac("sha256", cfg.appKey).update(`${appId}:${userId}:${expireTime}:${nonce}`).digest("hex");
    if (appId !== cfg.appId || !signature || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      throw new SimError(401, "USG.206010025", "APPID_CHECK_FAILED");
    }
    const expiresMs = expireTime > 1e12 ? expireTime : expireTime * 1000;
    if (expireTime !== 0 && expiresMs < Date.now()) throw new SimError(401, "USG.206010057", "APPID_AUTH_EXPIRE");
    return authResponse(userId ? world.ensureUser(userId) : world.admin);
  };

  const accountAuth = (req: IncomingMessage) => {
    const basic = /^Basic (.+)$/.exec(header(req, "authorization") ?? "")?.[1];
    const [account, ...rest] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [];
    const password = rest.join(":");
    if (account !== cfg.account || !safeEqual(password, cfg.password)) {
      throw new SimError(401, "USG.206010000", "USG_ERR_PASSWORD");
    }
    return authResponse(world.admin);
  };

  const visibleOngoing = (user: SimUser, conferenceID: string): SimMeeting => {
    const meeting = world.ongoing.get(conferenceID);
    if (!meeting || !world.canSee(user, meeting, true)) throw notFound();
    return meeting;
  };

  const visibleHistory = (user: SimUser, confUUID: string): SimMeeting => {
    const meeting = world.history.find((m) => m.confUUID === confUUID);
    if (!meeting || !world.canSee(user, meeting, true)) throw notFound();
    return meeting;
  };

  const controlledMeeting = (req: IncomingMessage, q: URLSearchParams): SimMeeting => {
    const conferenceID = required(q, "conferenceID");
    if (confTokens.conferenceOf(header(req, "x-conference-authorization")) !== conferenceID) {
      throw new SimError(401, "USG.000000004", "Invalid conference token");
    }
    const meeting = world.ongoing.get(conferenceID);
    if (!meeting) throw new SimError(400, "MMC.111072005", "CONF_NOT_STARTED_OR_ENDED");
    return meeting;
  };

  const controlToken = (req: IncomingMessage, q: URLSearchParams) => {
    const conferenceID = required(q, "conferenceID");
    if (!header(req, "x-login-type")) throw badParam("X-Login-Type is required");
    const renewing = confTokens.conferenceOf(header(req, "x-conference-authorization")) === conferenceID;
    const meeting = world.ongoing.get(conferenceID);
    if (!meeting) {
      if (world.history.some((m) => m.conferenceID === conferenceID)) throw new SimError(400, "MMC.111072005", "CONF_NOT_STARTED_OR_ENDED");
      throw new SimError(400, "MMC.111072065", "CONF_NOT_FOUND_OR_AUTH_FAILED");
    }
    if (!renewing && header(req, "x-password") !== meeting.chairPassword) {
      throw new SimError(400, "MMC.111072065", "CONF_NOT_FOUND_OR_AUTH_FAILED");
    }
    const { token, expiresAt } = confTokens.issue(conferenceID);
    return {
      data: {
        token,
        tmpWsToken: confTokens.issueWsToken(conferenceID),
        wsURL: wsBase,
        role: 1,
        expireTime: expiresAt,
        userID: meeting.scheduler.userUUID,
        orgID: "651543334",
        participantID: null,
        confTokenExpireTime: confTokens.confTokenTtlSeconds,
        vmrCurrentConfID: null,
        supportNotifyType: ["ConfBasicInfoNotify", "ConfDynamicInfoNotify", "ParticipantsNotify", "AttendeesNotify", "SpeakerChangeNotify", "InviteResultNotify"],
      },
      addressToken: `stb${world.rng.hex(32)}`,
      gloablPublicIP: "127.0.0.1",
    };
  };

  /** Test controls of one meeting: /__sim/meetings/{id}[/participants/{pid} | /join | /end]. */
  const meetingControl = (method: string, path: string, body: unknown): unknown => {
    const m = /^\/__sim\/meetings\/([^/]+)(?:\/(participants)\/([^/]+)|\/(join|end))?$/.exec(path);
    if (!m) return undefined;
    const meeting = world.ongoing.get(m[1]!);
    if (!meeting) throw new SimError(404, "SIM.404", "no such ongoing meeting");
    if (method === "GET" && !m[2] && !m[4]) {
      return { conferenceID: meeting.conferenceID, subject: meeting.subject, participants: [...meeting.participants.values()], invitees: meeting.invitees, chairPassword: meeting.chairPassword };
    }
    if (method === "POST" && m[4] === "end") {
      world.endMeeting(meeting);
      return {};
    }
    if (method === "POST" && m[4] === "join") {
      const who = z.object({ name: z.string().min(1) }).parse(body);
      return world.join(meeting, who);
    }
    if (m[2] && method === "DELETE") return { left: world.leave(meeting, m[3]!) };
    if (m[2] && method === "POST") {
      const patch = z
        .object({ muted: z.boolean(), hand: z.boolean(), video: z.boolean(), sharing: z.boolean(), role: z.enum(["host", "cohost", "participant"]) })
        .partial()
        .parse(body);
      const p = world.changeParticipant(meeting, m[3]!, patch);
      if (!p) throw new SimError(404, "SIM.404", "no such participant");
      return p;
    }
    throw new SimError(405, "SIM.405", "method not allowed");
  };

  async function route(method: string, path: string, q: URLSearchParams, req: IncomingMessage, body: unknown): Promise<unknown> {
    const key = `${method} ${path}`;
    if (path.startsWith("/__sim/meetings/")) return meetingControl(method, path, body);
    switch (key) {
      case "POST /v2/usg/acs/auth/appauth":
        return appAuth(req, body);
      case "POST /v1/usg/acs/auth/account":
        return accountAuth(req);
      case "PUT /v1/usg/acs/token":
        return authResponse(userOfRequest(req));
      case "DELETE /v1/usg/acs/token":
        tokens.revoke(header(req, "x-access-token") ?? "");
        return {};
      case "GET /v1/mmc/management/conferences/online": {
        const user = userOfRequest(req);
        const queryAll = q.get("queryAll") === "true";
        const rows = [...world.ongoing.values()]
          .filter((m) => world.canSee(user, m, queryAll) && matches(m, q.get("searchKey")))
          .sort((a, b) => a.startedAt - b.startedAt);
        return page(rows.map((m) => conferenceInfo(m, user, "Created")), q);
      }
      case `GET ${MGMT}/confDetail`:
      case `GET ${MGMT}/online/confDetail`: {
        const user = userOfRequest(req);
        const meeting = visibleOngoing(user, required(q, "conferenceID"));
        return { conferenceData: conferenceInfo(meeting, user, "Created"), data: page(participantInfo(meeting), q, 20) };
      }
      case `GET ${MGMT}/history`: {
        const user = userOfRequest(req);
        const startDate = epochMs(q, "startDate");
        const endDate = epochMs(q, "endDate");
        if (startDate > endDate) throw badParam("startDate is after endDate");
        const queryAll = q.get("queryAll") === "true";
        const rows = world.history
          .filter((m) => m.startedAt >= startDate && m.startedAt <= endDate)
          .filter((m) => world.canSee(user, m, queryAll) && matches(m, q.get("searchKey")))
          .sort((a, b) => (q.get("sortType") === "ASC_StartTIME" ? a.startedAt - b.startedAt : b.startedAt - a.startedAt));
        return page(rows.map((m) => conferenceInfo(m, user, "Destroyed")), q);
      }
      case `GET ${MGMT}/history/confDetail`: {
        const user = userOfRequest(req);
        const meeting = visibleHistory(user, required(q, "confUUID"));
        return { conferenceData: conferenceInfo(meeting, user, "Destroyed"), data: page(participantInfo(meeting), q, 20) };
      }
      case `GET ${MGMT}/history/confAttendeeRecord`: {
        const user = userOfRequest(req);
        const meeting = visibleHistory(user, required(q, "confUUID"));
        const search = q.get("searchKey")?.toLowerCase();
        const rows = meeting.sessions.filter((s) => !search || s.displayName.toLowerCase().includes(search));
        return page(rows, q, 20);
      }
      case "GET /v1/mmc/control/conferences/token":
        return controlToken(req, q);
      case "GET /v1/mmc/control/conferences/wsToken":
        return { webSocketToken: confTokens.issueWsToken(controlledMeeting(req, q).conferenceID) };
      case "GET /v1/mmc/control/conferences/realTimeInfo":
        return realTimeInfo(controlledMeeting(req, q));
      case "POST /__sim/ws": {
        const f = z.object({ action: z.enum(["drop", "silence", "refuse"]), conferenceID: z.string().optional(), count: z.number().int().min(1).optional() }).safeParse(body);
        if (!f.success) throw new SimError(400, "SIM.400", z.prettifyError(f.error));
        return { affected: events.fault(f.data.action, f.data.conferenceID, f.data.count) };
      }
      case "GET /__sim/ws":
        return { open: events.openSessions(q.get("conferenceID") ?? undefined), connections: events.connections };
      case "POST /__sim/expire-conf-tokens":
        confTokens.expireAll();
        return {};
      case "GET /__sim/meetings":
        return [...world.ongoing.values()].map((m) => ({ conferenceID: m.conferenceID, subject: m.subject, participants: m.participants.size }));
      case "GET /__sim/info":
        return { appId: cfg.appId, account: cfg.account, ongoing: world.ongoing.size, history: world.history.length };
      case "GET /__sim/stats":
        return Object.fromEntries(stats);
      case "POST /__sim/stats/reset":
        stats.clear();
        return {};
      case "POST /__sim/faults": {
        const fault = faultSchema.safeParse(body);
        if (!fault.success) throw new SimError(400, "SIM.400", z.prettifyError(fault.error));
        faults.add(fault.data);
        return {};
      }
      case "DELETE /__sim/faults":
        faults.clear();
        return {};
      case "POST /__sim/expire-tokens":
        tokens.expireAll();
        return {};
      case "POST /__sim/ongoing": {
        const count = z.object({ count: z.number().int().min(0).max(5000) }).safeParse(body);
        if (!count.success) throw new SimError(400, "SIM.400", "count must be 0 to 5000");
        world.setOngoing(count.data.count);
        return { ongoing: world.ongoing.size };
      }
      default:
        throw new SimError(404, "APIGW.0101", "The API does not exist or has not been published in the environment");
    }
  }

  const tick = opts.tickMs ?? 1000;
  const timer = tick > 0 ? setInterval(() => world.tick(), tick) : undefined;
  timer?.unref();

  const server: Server = createServer((req, res) => void handler(req, res));
  events.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  wsBase = `ws://${opts.host ?? "127.0.0.1"}:${port}`;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    world,
    faults,
    tokens,
    confTokens,
    events,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

function matches(meeting: SimMeeting, searchKey: string | null): boolean {
  if (!searchKey) return true;
  const needle = searchKey.toLowerCase();
  return [meeting.subject, meeting.scheduler.name, meeting.conferenceID].some((s) => s.toLowerCase().includes(needle));
}

function required(q: URLSearchParams, name: string): string {
  const value = q.get(name);
  if (!value) throw badParam(`${name} is required`);
  return value;
}

function epochMs(q: URLSearchParams, name: string): number {
  const n = Number(required(q, name));
  if (!Number.isFinite(n) || n < 0) throw badParam(`${name} must be epoch milliseconds`);
  return n;
}

/** Huawei's paging: offset and limit (default 20, silently capped at 500) and the total count. */
function page<T>(rows: T[], q: URLSearchParams, defaultLimit = 20) {
  const offset = q.has("offset") ? Number(q.get("offset")) : 0;
  const rawLimit = q.has("limit") ? Number(q.get("limit")) : defaultLimit;
  if (!Number.isInteger(offset) || offset < 0) throw badParam("offset");
  if (!Number.isInteger(rawLimit) || rawLimit < 1) throw badParam("limit");
  const limit = Math.min(rawLimit, MAX_PAGE);
  return { offset, limit, count: rows.length, data: rows.slice(offset, offset + limit) };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new SimError(400, "USG.000000001", "Request body is not JSON");
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json;charset=UTF-8",
    "x-request-id": randomBytes(16).toString("hex"),
    "cache-control": "no-cache",
    server: "api-gateway",
  });
  res.end(text);
}
