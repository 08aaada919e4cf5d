import { EventEmitter } from "node:events";
import { clearChairPassword, toMeeting } from "@/lib/domain/meeting";
import type { MeetingTopicData, Participant, UnavailableReason, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { HuaweiClient } from "@/lib/huawei/client";
import { HOST_PASSWORD_REFUSED, MEETING_OVER_CODES } from "@/lib/huawei/error-codes";
import { MeetingEventSocket } from "@/lib/huawei/event-socket";
import { logger } from "@/lib/logger";
import { runWithContext } from "@/lib/request-context";
import type { HostPasswords } from "./host-passwords";
import type { RowHint } from "./diff";
import type { HuaweiQualityApi } from "@/lib/huawei/quality-api";
import { qualityFromSnapshot, type ParticipantQuality } from "@/lib/domain/quality";
import type { HandMemory } from "./hand-memory";
import { LiveMeetingState, type MeetingRecorder } from "./live-meeting-state";

export interface WatcherTiming {
  /** HeartBeat interval on the push socket (Huawei: at most 180 s; recommended 60 s). */
  heartbeatMs: number;
  /** realTimeInfo polling interval while the socket is down. */
  pollMs: number;
  /** realTimeInfo reconciliation interval while the socket is up. */
  reconcileMs: number;
  /** Each person's connection (Huawei's network-quality snapshot) is asked for this often. */
  qualityMs: number;
  /** With no fresh upstream data for this long, the status turns `stale`. */
  staleAfterMs: number;
  /** Ceiling of the reconnect backoff. */
  reconnectMaxMs: number;
  /** While a meeting cannot be watched (no host password), one new try this often; at once when a password is given. */
  unavailableRetryMs: number;
  /** Meanwhile, who is present is read from Huawei's online attendee list this often (no host password needed). */
  presenceMs: number;
}

export const DEFAULT_TIMING: WatcherTiming = { heartbeatMs: 60_000, pollMs: 5_000, reconcileMs: 60_000, staleAfterMs: 30_000, reconnectMaxMs: 30_000, unavailableRetryMs: 60_000, qualityMs: 15_000, presenceMs: 10_000 };

/**
 * Huawei's network-quality snapshot takes 50 people a call; a round makes one call, the next
 * people in the next round. Measured: four calls a round for 50 meetings of up to 1,000 people
 * (their parsing, in bursts) took the push's p95 from 2 ms to about 100 ms.
 */
const QUALITY_CALLS_PER_ROUND = 1;

interface WatcherEvents {
  /** The meeting, the newest upstream time, and which participants changed since the previous update. */
  update: [MeetingTopicData, number, RowHint<Participant>];
  status: [UpstreamLiveStatus, number, UnavailableReason | undefined];
}

interface ApiErrorLike {
  status?: number;
  code?: string;
}

const isEnded = (e: unknown) => MEETING_OVER_CODES.has((e as ApiErrorLike)?.code ?? "");
const isAuth = (e: unknown) => (e as ApiErrorLike)?.status === 401;
const isRefused = (e: unknown) => (e as ApiErrorLike)?.code === HOST_PASSWORD_REFUSED;


/**
 * Watches one meeting upstream for everyone: push first (one event socket), realTimeInfo polling
 * while the socket is down and now and then to reconcile, a control token kept alive, reconnects
 * with backoff and a fresh wsToken, and the end of the meeting.
 */
export class MeetingWatcher extends EventEmitter<WatcherEvents> {
  readonly state: LiveMeetingState;
  status: UpstreamLiveStatus = "polling";
  statusSince = Date.now();
  statusReason: UnavailableReason | undefined;
  private chairPassword = "";
  private confToken = "";
  private wsUrl = "";
  private socket?: MeetingEventSocket;
  private timers = new Set<NodeJS.Timeout>();
  private pollTimer?: NodeJS.Timeout;
  private presenceTimer?: NodeJS.Timeout;
  private presenceInFlight = false;
  private renewTimer?: NodeJS.Timeout;
  private attempts = 0;
  private lastFresh = 0;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private starting?: Promise<void>;
  /** The chair password came from a person (or a host's detail), not from this account's own confDetail. */
  private passwordGiven = false;
  private loopsStarted = false;
  private confUUID = "";
  /** Huawei refused the network-quality snapshot for this meeting: not asked again while this watcher lives. */
  private qualityRefused = false;
  /** Where the next round of quality calls starts among the people present, so a large meeting is covered in turn. */
  private qualityCursor = 0;
  /** The push socket now connected carries NetConditionNotify (an MCU meeting): quality comes pushed, not polled. */
  private qualityPushed = false;
  private readonly offPasswordSet: () => void;

  constructor(
    private readonly huawei: HuaweiClient,
    readonly conferenceID: string,
    private readonly passwords: HostPasswords,
    private readonly timing: WatcherTiming = DEFAULT_TIMING,
    hands?: HandMemory,
    /** Huawei's quality calls, for each person's connection; none: no quality marks. */
    private readonly quality?: HuaweiQualityApi,
    /** Where the replay's log of this meeting goes; none: not kept. */
    private readonly recorder?: MeetingRecorder,
  ) {
    super();
    this.state = new LiveMeetingState(conferenceID, undefined, hands);
    this.state.events = recorder;
    // Someone gave the host password (here or on another instance): try again now, not in a minute.
    this.offPasswordSet = passwords.onSet((id) => {
      if (id !== this.conferenceID || this.status !== "unavailable" || this.stopped) return;
      clearTimeout(this.retryTimer);
      void this.start();
    });
  }

  /** Single flight: a retry timer and a password arriving at once start it only once. */
  start(): Promise<void> {
    this.starting ??= this.begin().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async begin(): Promise<void> {
    try {
      const { conference } = await this.huawei.meetingDetail({ queryAll: true }, this.conferenceID);
      const m = toMeeting(conference);
      this.confUUID = conference.confUUID ?? "";
      this.state.meeting = { ...this.state.meeting, subject: m.subject, hostName: m.hostName, startTime: m.startTime, endTime: m.endTime, recording: m.recording };
      // Huawei gives the chair password in clear to the meeting's creator and host; an admin may get "******" or nothing.
      const fromDetail = clearChairPassword(conference);
      const password = fromDetail ?? (await this.passwords.get(this.conferenceID));
      if (this.stopped) return;
      if (!password) return this.unavailable("host_password_withheld");
      this.chairPassword = password;
      this.passwordGiven = !fromDetail;
      try {
        await this.acquireToken();
      } catch (error) {
        if (!isRefused(error)) throw error;
        // A password someone gave is wrong (or was changed): forget it, so the page asks again.
        if (!fromDetail) await this.passwords.forget(this.conferenceID);
        return this.unavailable("host_password_refused");
      }
      if (this.stopped) return;
      this.stopPresence();
      this.statusReason = undefined;
      this.setStatus("polling");
      await this.poll();
      if (!this.loopsStarted) {
        // Once per watcher: a meeting that was unavailable for a while starts here again.
        this.loopsStarted = true;
        this.every(this.timing.reconcileMs, () => this.status === "live" && this.poll());
        this.every(Math.min(5_000, this.timing.staleAfterMs), () => this.checkStale());
        // Each watcher at a phase of its own, so fifty meetings' rounds do not all land at once.
        if (this.quality) this.later(Math.random() * this.timing.qualityMs, () => this.every(this.timing.qualityMs, () => this.pollQuality()));
      }
      await this.connect();
    } catch (error) {
      if (isEnded(error)) return this.end();
      logger.warn({ conferenceID: this.conferenceID, err: (error as Error).message }, "watcher start failed; retrying");
      this.setStatus(this.lastFresh ? "polling" : "stale");
      this.later(this.backoff(), () => void this.start());
    }
  }

  /** Some upstream data has arrived (a full list, or a poll). */
  get hasData(): boolean {
    return this.lastFresh > 0;
  }

  stop(): void {
    this.stopped = true;
    this.recorder?.close();
    this.offPasswordSet();
    this.socket?.removeAllListeners();
    this.socket?.close();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    clearInterval(this.pollTimer);
    this.stopPresence();
    this.removeAllListeners();
  }

  /** The meeting cannot be watched: say why, and try again at most once a minute (or when a password is given). */
  private unavailable(reason: UnavailableReason): void {
    logger.info({ conferenceID: this.conferenceID, reason }, "meeting cannot be watched live");
    this.setStatus("unavailable", reason);
    clearTimeout(this.retryTimer);
    this.retryTimer = this.later(this.timing.unavailableRetryMs, () => void this.start());
    if (!this.presenceTimer) {
      this.presenceTimer = setInterval(() => void this.pollPresence(), this.timing.presenceMs);
      void this.pollPresence();
    }
  }

  /**
   * Who is present, from the online attendee list, while the host password is missing. One call
   * in flight per meeting, in a lane of the upstream budget of its own: many such meetings slow
   * each other's lists down rather than the watchers' starts or anyone's page.
   */
  private async pollPresence(): Promise<void> {
    if (this.presenceInFlight) return;
    this.presenceInFlight = true;
    try {
      const online = await runWithContext({ requestId: `presence-${this.conferenceID}`, lane: "presence" }, () => this.huawei.onlineAttendees({ queryAll: true }, this.conferenceID));
      if (this.stopped || this.status !== "unavailable") return;
      const first = !this.lastFresh;
      this.lastFresh = Date.now();
      if (this.state.presence(online) || first) this.publish();
    } catch (error) {
      if (isEnded(error)) return this.end();
      // A passing failure: the next round tries again; the page keeps the last list with its age.
      logger.debug({ conferenceID: this.conferenceID, err: (error as Error).message }, "online attendee list failed");
    } finally {
      this.presenceInFlight = false;
    }
  }

  private stopPresence(): void {
    clearInterval(this.presenceTimer);
    this.presenceTimer = undefined;
  }

  private async acquireToken(): Promise<void> {
    const data = this.confToken
      ? await this.huawei.renewControlToken(this.conferenceID, this.confToken).catch(() => this.huawei.controlToken(this.conferenceID, this.chairPassword))
      : await this.huawei.controlToken(this.conferenceID, this.chairPassword);
    this.confToken = data.token;
    this.wsUrl = data.wsURL || this.wsUrl;
    const lifetimeMs = data.expireTime ? data.expireTime - Date.now() : (data.confTokenExpireTime ?? 1800) * 1000;
    // Renew with a margin: at 80% of its life, or a minute before it ends if that is sooner.
    if (this.renewTimer) {
      clearTimeout(this.renewTimer);
      this.timers.delete(this.renewTimer);
    }
    this.renewTimer = this.later(Math.max(1_000, Math.min(lifetimeMs * 0.8, lifetimeMs - 60_000)), () =>
      void this.acquireToken().catch((e) => {
        if (isEnded(e)) return this.end();
        if (isRefused(e)) return this.passwordRefused();
        logger.warn({ err: (e as Error).message }, "control token renewal failed");
      }),
    );
  }

  /**
   * The host password stopped working mid-meeting (the host changed it): stop the socket and the
   * polling, drop a password someone gave, and wait for a new one as when it was withheld.
   */
  private passwordRefused(): void {
    this.socket?.removeAllListeners();
    this.socket?.close();
    this.socket = undefined;
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.confToken = "";
    if (this.passwordGiven) void this.passwords.forget(this.conferenceID).catch(() => undefined);
    this.unavailable("host_password_refused");
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.status === "unavailable") return;
    let wsToken: string;
    try {
      wsToken = await this.huawei.wsToken(this.conferenceID, this.confToken);
    } catch (error) {
      if (isEnded(error)) return this.end();
      if (isAuth(error)) await this.acquireToken().catch((e) => isRefused(e) && this.passwordRefused());
      return this.reconnectLater();
    }
    const socket = new MeetingEventSocket({ wsUrl: this.wsUrl, conferenceID: this.conferenceID, wsToken, confToken: this.confToken, heartbeatMs: this.timing.heartbeatMs, quality: this.quality !== undefined });
    this.socket = socket;
    this.qualityPushed = false;
    socket.on("frame", (frame) => {
      if (frame.action === "NetConditionNotify") this.qualityPushed = true;
      this.state.apply(frame);
      this.lastFresh = Date.now();
      if (this.state.meeting.state === "ended") return this.end();
      this.publish();
      if (this.status !== "live" && frame.action === "ParticipantsNotify" && (frame.msgMode ?? 0) === 0) {
        // The full participant list has been applied (and published): from here the socket is the source.
        this.attempts = 0;
        clearInterval(this.pollTimer);
        this.pollTimer = undefined;
        this.setStatus("live");
      }
    });
    socket.on("closed", ({ ended, reason }) => {
      if (this.stopped || this.socket !== socket) return;
      if (ended) return this.end();
      logger.info({ conferenceID: this.conferenceID, reason }, "event socket closed; polling until it is back");
      this.startPolling();
      this.reconnectLater();
    });
    socket.open();
  }

  private reconnectLater(): void {
    if (this.stopped || this.status === "unavailable") return;
    this.startPolling();
    this.later(this.backoff(), () => void this.connect());
  }

  private backoff(): number {
    const ceiling = Math.min(this.timing.reconnectMaxMs, 500 * 2 ** this.attempts++);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private startPolling(): void {
    if (this.status !== "stale") this.setStatus("polling");
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => void this.poll(), this.timing.pollMs);
  }

  private async poll(): Promise<void> {
    if (this.status === "unavailable") return;
    try {
      const rt = await this.huawei.realTimeInfo(this.conferenceID, this.confToken);
      if (this.stopped) return;
      this.state.reconcile(rt);
      this.lastFresh = Date.now();
      if (this.status === "stale") this.setStatus("polling");
      this.publish();
    } catch (error) {
      if (isEnded(error)) return this.end();
      if (isAuth(error)) await this.acquireToken().catch((e) => isRefused(e) && this.passwordRefused());
    }
  }

  /** Each person's connection from Huawei's network-quality snapshot (50 a call), published when a mark changed. */
  private async pollQuality(): Promise<void> {
    if (!this.quality || this.qualityRefused || !this.confToken || !this.confUUID || this.status === "unavailable" || this.status === "ended") return;
    if (this.qualityPushed && this.status === "live") return;
    const pids = this.state.snapshot().participants.map((p) => p.pid);
    if (!pids.length) return;
    const start = this.qualityCursor % pids.length;
    const round = [...pids.slice(start), ...pids.slice(0, start)].slice(0, 50 * QUALITY_CALLS_PER_ROUND);
    this.qualityCursor = start + round.length;
    const measured = new Map<string, ParticipantQuality>();
    for (let i = 0; i < round.length; i += 50) {
      try {
        const list = await this.quality.networkQuality(this.conferenceID, this.confUUID, this.confToken, round.slice(i, i + 50));
        const at = new Date().toISOString();
        for (const u of list) measured.set(u.participantID, qualityFromSnapshot(u, at));
      } catch (error) {
        if (this.stopped) return;
        // Refused (an edition without it, a failure code in Huawei's answer): say so once and stop asking; a passing failure waits for the next round.
        const status = (error as ApiErrorLike).status;
        if (status === 403 || status === 200) {
          this.qualityRefused = true;
          logger.info({ conferenceID: this.conferenceID, code: (error as ApiErrorLike).code }, "Huawei refuses the network-quality snapshot for this meeting");
        }
        break;
      }
    }
    if (!this.stopped && this.state.setQuality(measured)) this.publish();
  }

  /**
   * In every status: polling that brings nothing, or a push socket that is "live" but unheard for
   * longer than its heartbeat check allows (timers starved, a socket that never said it closed).
   * A quiet meeting on a healthy socket is not stale: heartbeat answers say the feed is alive.
   */
  private checkStale(): void {
    if (this.status === "ended" || this.status === "unavailable" || this.status === "stale" || !this.lastFresh) return;
    const now = Date.now();
    const silentFor = this.status === "live" ? now - Math.max(this.lastFresh, this.socket?.lastHeard ?? 0) : now - this.lastFresh;
    const allowed = this.status === "live" ? Math.max(this.timing.staleAfterMs, 2 * this.timing.heartbeatMs) : this.timing.staleAfterMs;
    if (silentFor > allowed) this.setStatus("stale");
  }

  private end(): void {
    if (this.stopped || this.status === "ended") return;
    void this.passwords.forget(this.conferenceID).catch(() => undefined);
    this.state.meeting = { ...this.state.meeting, state: "ended" };
    this.publish();
    this.setStatus("ended");
    this.socket?.removeAllListeners();
    this.socket?.close();
    for (const t of this.timers) clearTimeout(t);
    clearInterval(this.pollTimer);
    this.stopPresence();
  }

  private publish(): void {
    this.emit("update", this.state.snapshot(), this.state.sourceTime || Date.now(), this.state.takeChanges());
  }

  private setStatus(status: UpstreamLiveStatus, reason?: UnavailableReason): void {
    if (this.status === status && this.statusReason === reason) return;
    this.status = status;
    this.statusReason = reason;
    this.statusSince = Date.now();
    // What the log does not see is a gap: stale data, or a meeting watched with neither flags nor presence.
    if (status === "stale" || (status === "unavailable" && this.state.meeting.coverage !== "presence")) this.recorder?.pause();
    else if (status === "live" || status === "polling") this.recorder?.resume(this.statusSince);
    this.emit("status", status, this.statusSince, reason);
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(t);
    return t;
  }

  private every(ms: number, fn: () => unknown): void {
    const tick = () => this.later(ms, () => {
      void fn();
      tick();
    });
    tick();
  }
}
