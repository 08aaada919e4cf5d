import type { Viewer } from "@/lib/auth/viewer";
import { initials } from "@/lib/domain/masking";
import type { UpstreamLiveStatus } from "@/lib/domain/participant";
import type { WallTopicData } from "@/lib/domain/wall";
import type { MeetingsService } from "@/lib/meetings/meetings-service";
import { SourceListeners } from "./source-listeners";
import type { Source } from "./types";
import { WallFeed, type WallFeedOptions } from "./wall-feed";
import type { WatcherPool } from "./watcher-pool";

const WALL_VIEWER: Viewer = { username: "wall", role: "wall", huaweiUserId: null };

/**
 * The process's one wall feed, started for its first user and stopped after its last: walls with
 * names in full and walls with initials are views of the same summaries, head-count history and
 * hand clocks, so they never disagree about what needs attention.
 */
export class SharedWallFeed {
  private feed?: WallFeed;
  private users = 0;

  constructor(
    private readonly meetings: MeetingsService,
    private readonly pool: WatcherPool,
    private readonly opts: WallFeedOptions,
  ) {}

  acquire(): WallFeed {
    if (!this.feed) {
      this.feed = new WallFeed(this.meetings, WALL_VIEWER, this.pool, this.opts);
      this.feed.setMaxListeners(0);
      this.feed.start();
    }
    this.users += 1;
    return this.feed;
  }

  release(): void {
    if (!this.feed || --this.users > 0) return;
    this.feed.stop();
    this.feed = undefined;
  }

  /** A wall topic's source: the shared feed, with names reduced to initials where the wall asks. */
  view(mask: boolean): Source {
    return new WallView(this, mask);
  }
}

const masked = (data: WallTopicData): WallTopicData => ({ items: data.items.map((m) => ({ ...m, hostName: m.hostName && initials(m.hostName) })) });

class WallView extends SourceListeners implements Source {
  private feed?: WallFeed;
  private readonly onUpdate = (data: WallTopicData, sourceTime: number) => {
    for (const fn of this.updates) fn(this.mask ? masked(data) : data, sourceTime);
  };
  private readonly onStatus = (status: UpstreamLiveStatus, since: number) => {
    for (const fn of this.statuses) fn(status, since);
  };

  constructor(
    private readonly shared: SharedWallFeed,
    private readonly mask: boolean,
  ) {
    super();
  }

  get status(): UpstreamLiveStatus {
    return this.feed?.status ?? "polling";
  }

  get statusSince(): number {
    return this.feed?.statusSince ?? Date.now();
  }

  start(): void {
    const feed = this.shared.acquire();
    this.feed = feed;
    feed.on("update", this.onUpdate);
    feed.on("status", this.onStatus);
    // A view joining a feed already running gets its summaries at once, not at the next change.
    const latest = feed.latest;
    if (latest) this.onUpdate(latest.data, latest.sourceTime);
  }

  stop(): void {
    if (!this.feed) return;
    this.feed.off("update", this.onUpdate);
    this.feed.off("status", this.onStatus);
    this.feed = undefined;
    this.shared.release();
  }
}
