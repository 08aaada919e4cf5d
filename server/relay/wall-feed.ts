import { EventEmitter } from "node:events";
import type { Viewer } from "@/lib/auth/viewer";
import type { WatchState } from "@/lib/alerts/rule-engine";
import { attentionReasons, type AttentionThresholds, type CountSample } from "@/lib/domain/attention";
import type { Meeting } from "@/lib/domain/meeting";
import type { MeetingTopicData, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { MeetingSummary, WallTopicData } from "@/lib/domain/wall";
import type { MeetingWatcher } from "@/lib/live/meeting-watcher";
import type { MeetingsService } from "@/lib/meetings/meetings-service";
import type { WatcherPool } from "./watcher-pool";

/** A listed meeting as the alert rules read it. */
export interface WallFacts {
  meeting: Meeting;
  summary: MeetingSummary;
  people: readonly { pid: string; name: string; role: string }[] | null;
  watch: WatchState;
}

interface FeedEvents {
  update: [WallTopicData, number];
  status: [UpstreamLiveStatus, number];
}

export interface WallFeedOptions {
  listPollMs: number;
  staleAfterMs: number;
  /** At most this many meetings are watched live for the wall; the rest show the list's figures. */
  maxLive: number;
  thresholds: AttentionThresholds;
}

/** How often time alone changes a tile (a hand waiting longer, a meeting running over). */
const CLOCK_MS = 5_000;
/** Watcher updates come in bursts; the wall is published at most this often. */
const PUBLISH_MS = 500;

/**
 * The wall's overview: the ongoing list polled once for every wall, and a live watcher (shared
 * with meeting topics through the pool) for each listed meeting up to `maxLive`, boiled down to
 * one summary per meeting with what needs attention. One per process (SharedWallFeed), so every
 * wall and admin list it serves counts the same meetings at the same moment.
 */
export class WallFeed extends EventEmitter<FeedEvents> {
  status: UpstreamLiveStatus = "polling";
  statusSince = Date.now();
  /** The summaries last published, for a wall that starts following this feed later. */
  latest?: { data: WallTopicData; sourceTime: number };
  private listed: Meeting[] = [];
  private listedAt = 0;
  private lastOk = 0;
  private readonly watched = new Map<string, { watcher: MeetingWatcher; onUpdate: () => void }>();
  private readonly samples = new Map<string, CountSample[]>();
  private timers: NodeJS.Timeout[] = [];
  private forgetListChanges?: () => void;
  private publishTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly meetings: MeetingsService,
    private readonly viewer: Viewer,
    private readonly pool: WatcherPool,
    private readonly opts: WallFeedOptions,
  ) {
    super();
  }

  start(): void {
    void this.poll();
    this.forgetListChanges = this.meetings.onListsChanged(() => void this.poll());
    this.timers.push(setInterval(() => void this.poll(), this.opts.listPollMs));
    this.timers.push(setInterval(() => this.publish(), CLOCK_MS));
  }

  stop(): void {
    this.stopped = true;
    this.forgetListChanges?.();
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.publishTimer);
    for (const id of [...this.watched.keys()]) this.unwatch(id);
    this.removeAllListeners();
  }

  private async poll(): Promise<void> {
    try {
      const { value, fetchedAt } = await this.meetings.ongoing(this.viewer, "");
      if (this.stopped) return;
      this.listed = value;
      this.listedAt = Date.parse(fetchedAt);
      this.lastOk = Date.now();
      this.setStatus("live");
      this.follow();
      this.publish();
    } catch {
      if (this.stopped) return;
      if (Date.now() - this.lastOk > this.opts.staleAfterMs) this.setStatus("stale");
    }
  }

  /** Watches the listed meetings (up to maxLive) and lets go of those no longer listed. */
  private follow(): void {
    const wanted = new Set(this.listed.slice(0, this.opts.maxLive).map((m) => m.conferenceID));
    for (const id of [...this.watched.keys()]) if (!wanted.has(id)) this.unwatch(id);
    for (const id of wanted) {
      if (this.watched.has(id)) continue;
      const watcher = this.pool.acquire(id);
      const onUpdate = () => this.schedulePublish();
      watcher.on("update", onUpdate);
      watcher.on("status", onUpdate);
      this.watched.set(id, { watcher, onUpdate });
    }
  }

  private unwatch(id: string): void {
    const entry = this.watched.get(id);
    if (!entry) return;
    entry.watcher.off("update", entry.onUpdate);
    entry.watcher.off("status", entry.onUpdate);
    this.watched.delete(id);
    this.samples.delete(id);
    this.pool.release(id);
  }

  private schedulePublish(): void {
    this.publishTimer ??= setTimeout(() => {
      this.publishTimer = undefined;
      this.publish();
    }, PUBLISH_MS);
  }

  private publish(): void {
    if (this.stopped || !this.listedAt) return;
    const now = Date.now();
    const items = this.listed.map((m) => this.summarize(m, now));
    const newest = Math.max(this.listedAt, ...items.map((i) => i.sourceTime));
    this.latest = { data: { items }, sourceTime: newest };
    this.emit("update", { items }, newest);
  }

  /**
   * Each listed meeting with its tile (as last published: the wall's own work, not done again),
   * who is in it and whether it is watched live: what the alert rules read. Null before the first list.
   */
  facts(now = Date.now()): WallFacts[] | null {
    if (!this.listedAt) return null;
    const published = new Map(this.latest?.data.items.map((i) => [i.conferenceID, i]));
    return this.listed.map((meeting, index) => {
      const watcher = this.watched.get(meeting.conferenceID)?.watcher;
      const summary = published.get(meeting.conferenceID) ?? this.summarize(meeting, now);
      const live = watcher?.hasData ? watcher.state.snapshot() : undefined;
      const watch: WatchState =
        index >= this.opts.maxLive ? "over_limit" : !watcher ? "starting" : watcher.status === "stale" ? "stale" : watcher.status === "unavailable" ? (live?.meeting.coverage === "presence" ? "presence" : "unavailable") : live ? "live" : "starting";
      return { meeting, summary, people: live?.participants ?? null, watch };
    });
  }

  private summarize(m: Meeting, now: number): MeetingSummary {
    const watcher = this.watched.get(m.conferenceID)?.watcher;
    const live: MeetingTopicData | undefined = watcher?.hasData ? watcher.state.snapshot() : undefined;
    const people = live?.participants;
    // Without the host password only presence and role are known: the flag counts stay unknown.
    const flags = live?.meeting.coverage === "full" ? people : undefined;
    const present = people ? people.length : null;
    if (present !== null) this.sample(m.conferenceID, present, now);
    const hands = flags?.filter((p) => p.handRaised).map((p) => p.handRaisedAt).filter((t): t is string => t !== null).sort();
    const base = {
      present,
      endTime: live?.meeting.endTime ?? m.endTime,
      oldestHandAt: hands?.[0] ?? null,
      upstream: watcher ? watcher.status : null,
      health: m.health,
    };
    const hostPresent = people ? people.some((p) => p.role === "host" || p.role === "cohost") : null;
    return {
      conferenceID: m.conferenceID,
      subject: m.subject,
      hostName: m.hostName,
      startTime: m.startTime,
      recording: live?.meeting.recording ?? m.recording,
      invited: m.invitedCount,
      listedPresent: m.participantCount,
      muted: flags ? flags.filter((p) => p.muted).length : null,
      hands: flags ? flags.filter((p) => p.handRaised).length : null,
      camera: flags ? flags.filter((p) => p.camera === true).length : null,
      unavailableReason: watcher?.status === "unavailable" ? (watcher.statusReason ?? null) : null,
      sourceTime: live && watcher ? watcher.state.sourceTime : this.listedAt,
      ...base,
      attention: attentionReasons({ ...base, hostPresent }, this.samples.get(m.conferenceID) ?? [], this.opts.thresholds, now),
    };
  }

  private sample(id: string, count: number, now: number): void {
    const kept = (this.samples.get(id) ?? []).filter((s) => now - s.at <= this.opts.thresholds.dropWindowMs);
    if (kept.at(-1)?.count !== count || now - (kept.at(-1)?.at ?? 0) > CLOCK_MS) kept.push({ at: now, count });
    this.samples.set(id, kept);
  }

  private setStatus(status: UpstreamLiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.statusSince = Date.now();
    this.emit("status", status, this.statusSince);
  }
}
