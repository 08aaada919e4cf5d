import type { z } from "zod";
import { authenticate } from "./authenticators";
import type { HuaweiClientConfig } from "./config";
import { controlTokenResponseSchema, realTimeInfoSchema, wsTokenResponseSchema, type RealTimeInfo } from "./control-schemas";
import { HuaweiApiError, HuaweiError } from "./errors";
import { fetchAllPages } from "./paging";
import {
  attendeeRecordListSchema,
  conferenceListSchema,
  confDetailSchema,
  controlRecordListSchema,
  onlineAttendeeListSchema,
  type AttendeeRecord,
  type ControlRecord,
  type ConferenceInfo,
  type OnlineAttendee,
  type ParticipantInfo,
} from "./schemas";
import { logger } from "@/lib/logger";
import { metrics, pathGroup } from "@/lib/metrics";
import { TokenCache } from "./token-cache";
import { HuaweiTransport, type HuaweiRequest } from "./transport";

/** Whose eyes a call looks through: the configured account (admin) or one Huawei user (a host). */
export interface Caller {
  /** Huawei third-party user id to sign in as (App ID auth only); absent = the configured account. */
  huaweiUserId?: string;
  /** Ask for every meeting of the enterprise (admins). */
  queryAll?: boolean;
}

export interface UpstreamStatus {
  baseUrl: string;
  authKind: HuaweiClientConfig["auth"]["kind"];
  lastOkAt: string | null;
  lastError: { at: string; message: string } | null;
  tokenExpiresAt: string | null;
}

const MGMT = "/v1/mmc/management/conferences";
const CONTROL = "/v1/mmc/control/conferences";

export class HuaweiClient {
  readonly transport: HuaweiTransport;
  private readonly tokens = new Map<string, TokenCache>();
  private lastOkAt: number | null = null;
  private lastError: { at: number; message: string } | null = null;

  constructor(
    private readonly config: HuaweiClientConfig,
    options: { backoffBaseMs?: number } = {},
  ) {
    this.transport = new HuaweiTransport({
      ...config,
      backoffBaseMs: options.backoffBaseMs,
      onOutcome: ({ path, ok, error, durationMs }) => {
        const m = metrics();
        const group = pathGroup(path);
        m.upstreamCalls.inc({ path: group, outcome: ok ? "ok" : (error?.kind ?? "api") });
        m.upstreamLatency.observe({ path: group }, durationMs / 1000);
        if (ok) this.lastOkAt = Date.now();
        else if (error) this.lastError = { at: Date.now(), message: error.message };
        if (ok) return logger.debug({ path: group, ms: Math.round(durationMs) }, "upstream call");
        const status = (error as { status?: number } | undefined)?.status;
        // An expired token (renewed and retried) or a meeting that does not exist is routine; the rest is worth an operator's look.
        const routine = error?.kind === "api" && status !== undefined && status < 500 && status !== 429;
        logger[routine ? "debug" : "warn"]({ path: group, ms: Math.round(durationMs), kind: error?.kind, status, code: (error as { code?: string } | undefined)?.code }, "upstream call failed");
      },
    });
  }

  get supportsPerUserTokens(): boolean {
    return this.config.auth.kind === "appId";
  }

  async listOnlineMeetings(caller: Caller, searchKey?: string): Promise<ConferenceInfo[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) =>
        this.call(caller, conferenceListSchema, {
          path: `${MGMT}/online`,
          query: { offset, limit, queryAll: caller.queryAll || undefined, searchKey: searchKey || undefined },
        }),
      (c) => c.conferenceID,
    );
    return rows;
  }

  /** An upcoming or ongoing meeting with every invitee, paged through. */
  async meetingDetail(caller: Caller, conferenceID: string): Promise<{ conference: ConferenceInfo; invitees: ParticipantInfo[] }> {
    let conference: ConferenceInfo | undefined;
    const { rows } = await fetchAllPages(
      async (offset, limit) => {
        const detail = await this.call(caller, confDetailSchema, {
          path: `${MGMT}/confDetail`,
          query: { conferenceID, offset, limit },
        });
        conference ??= detail.conferenceData;
        return detail.data ?? { count: 0, data: [] };
      },
      (p) => `${p.participantID}|${p.userUUID}|${p.accountId}|${p.name}`,
    );
    return { conference: conference!, invitees: rows };
  }

  async listHistory(
    caller: Caller,
    range: { startDate: number; endDate: number },
    searchKey?: string,
  ): Promise<ConferenceInfo[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) =>
        this.call(caller, conferenceListSchema, {
          path: `${MGMT}/history`,
          query: {
            startDate: range.startDate,
            endDate: range.endDate,
            offset,
            limit,
            queryAll: caller.queryAll || undefined,
            searchKey: searchKey || undefined,
            sortType: "DSC_StartTIME",
          },
        }),
      (c) => c.confUUID ?? c.conferenceID,
    );
    return rows;
  }

  /** A past meeting's ConferenceInfo and every invitee, paged through. */
  async pastMeeting(caller: Caller, confUUID: string): Promise<{ conference: ConferenceInfo; invitees: ParticipantInfo[] }> {
    let conference: ConferenceInfo | undefined;
    const { rows } = await fetchAllPages(
      async (offset, limit) => {
        const detail = await this.call(caller, confDetailSchema, {
          path: `${MGMT}/history/confDetail`,
          query: { confUUID, offset, limit },
        });
        conference ??= detail.conferenceData;
        return detail.data ?? { count: 0, data: [] };
      },
      (p) => `${p.participantID}|${p.userUUID}|${p.accountId}|${p.name}`,
    );
    return { conference: conference!, invitees: rows };
  }

  /** One row per join session; a person who rejoined appears once per session. */
  /** Huawei names each record's device and media in `language` (the Accept-Language it is sent). */
  async attendeeRecords(caller: Caller, confUUID: string, language?: string): Promise<AttendeeRecord[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) =>
        this.call(caller, attendeeRecordListSchema, {
          path: `${MGMT}/history/confAttendeeRecord`,
          query: { confUUID, offset, limit },
          ...(language ? { headers: { "accept-language": language } } : {}),
        }),
      // Records carry no id; their position in Huawei's list is their identity.
      (r) => `${r.callNumber}|${r.displayName}|${r.joinTime}|${r.leftTime}|${r.deviceType}`,
    );
    return rows;
  }

  /** Who is online in an ongoing meeting now, every page: the management token suffices, no host password (quality reference §9). */
  async onlineAttendees(caller: Caller, conferenceID: string): Promise<OnlineAttendee[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) => this.call(caller, onlineAttendeeListSchema, { path: `${MGMT}/online/conf-attendee`, query: { conf_id: conferenceID, offset, limit } }),
      (a) => a.participant_id ?? `${a.name}|${a.call_number}`,
    );
    return rows;
  }

  /** A past meeting's control operations (who muted, made co-host or locked what, when), every page. */
  async controlRecords(caller: Caller, confUUID: string): Promise<ControlRecord[]> {
    const { rows } = await fetchAllPages(
      (offset, limit) => this.call(caller, controlRecordListSchema, { path: `${MGMT}/history/confCtlRecord`, query: { confUUID, offset, limit } }),
      (r) => `${r.operateTime}|${r.operator}|${r.operateCode}|${r.operationObject}`,
    );
    return rows;
  }

  /** A meeting-control token, bought with the chair password (30 minutes). */
  async controlToken(conferenceID: string, chairPassword: string) {
    const res = await this.transport.send(
      { path: `${CONTROL}/token`, query: { conferenceID }, headers: { "x-password": chairPassword, "x-login-type": "1" } },
      controlTokenResponseSchema,
    );
    return res.data;
  }

  /** Renews a meeting-control token with itself, before it runs out; no password needed. */
  async renewControlToken(conferenceID: string, token: string) {
    const res = await this.transport.send(
      { path: `${CONTROL}/token`, query: { conferenceID }, headers: { "x-conference-authorization": token, "x-login-type": "1" } },
      controlTokenResponseSchema,
    );
    return res.data;
  }

  /** The one-time (1 minute) token of the push socket; fetched right before each connect. */
  async wsToken(conferenceID: string, token: string): Promise<string> {
    const res = await this.transport.send(
      { path: `${CONTROL}/wsToken`, query: { conferenceID }, headers: { "x-conference-authorization": token } },
      wsTokenResponseSchema,
    );
    return res.webSocketToken;
  }

  async realTimeInfo(conferenceID: string, token: string): Promise<RealTimeInfo> {
    return this.transport.send(
      { path: `${CONTROL}/realTimeInfo`, query: { conferenceID }, headers: { "x-conference-authorization": token } },
      realTimeInfoSchema,
    );
  }

  status(): UpstreamStatus {
    const expiresAt = this.tokens.get("")?.expiresAt;
    return {
      baseUrl: this.config.baseUrl,
      authKind: this.config.auth.kind,
      lastOkAt: this.lastOkAt ? new Date(this.lastOkAt).toISOString() : null,
      lastError: this.lastError ? { at: new Date(this.lastError.at).toISOString(), message: this.lastError.message } : null,
      tokenExpiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
    };
  }

  /** The caller's own Huawei user (its UUID), as the authentication answer names it. */
  async ownUserUUID(caller: Caller): Promise<string | undefined> {
    return this.tokenCache(caller).userUUID();
  }

  /** True when the most recent upstream call failed. */
  get degraded(): boolean {
    return this.lastError !== null && (this.lastOkAt === null || this.lastError.at > this.lastOkAt);
  }

  private tokenCache(caller: Caller): TokenCache {
    const key = caller.huaweiUserId ?? "";
    if (key && !this.supportsPerUserTokens) {
      throw new HuaweiError(
        "Signing in to Huawei as an individual host needs App ID authentication (HUAWEI_APP_ID/HUAWEI_APP_KEY)",
        "config",
        "/v2/usg/acs/auth/appauth",
      );
    }
    let cache = this.tokens.get(key);
    if (!cache) {
      cache = new TokenCache(() => authenticate(this.transport, this.config.auth, key || undefined));
      this.tokens.set(key, cache);
    }
    return cache;
  }

  /** A call with an access token; a 401 renews the token once (shared by all callers) and retries once. The quality calls (quality-api.ts) use it too. */
  async call<S extends z.ZodType>(caller: Caller, schema: S, req: HuaweiRequest): Promise<z.infer<S>> {
    const cache = this.tokenCache(caller);
    const token = await cache.get();
    try {
      return await this.transport.send(withToken(req, token), schema);
    } catch (error) {
      if (!(error instanceof HuaweiApiError) || error.status !== 401) throw error;
      const renewed = await cache.rejected(token);
      return this.transport.send(withToken(req, renewed), schema);
    }
  }
}

function withToken(req: HuaweiRequest, token: string): HuaweiRequest {
  return { ...req, headers: { ...req.headers, "x-access-token": token } };
}
