import { EventEmitter } from "node:events";
import type { Viewer } from "@/lib/auth/viewer";
import type { Meeting } from "@/lib/domain/meeting";
import type { UpstreamLiveStatus } from "@/lib/domain/participant";
import type { MeetingsService } from "@/lib/meetings/meetings-service";

interface FeedEvents {
  update: [{ items: Meeting[] }, number];
  status: [UpstreamLiveStatus, number];
}

/**
 * The ongoing-meetings list of one scope, polled upstream once for everyone watching it.
 * Huawei has no push for this list, so "live" here means the last poll succeeded.
 */
export class MeetingsFeed extends EventEmitter<FeedEvents> {
  status: UpstreamLiveStatus = "polling";
  statusSince = Date.now();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private lastOk = 0;
  private forgetListChanges?: () => void;
  private polling = false;
  private again = false;

  constructor(
    private readonly meetings: MeetingsService,
    private readonly viewer: Viewer,
    private readonly pollMs: number,
    private readonly staleAfterMs: number,
  ) {
    super();
  }

  start(): void {
    void this.poll();
    // Huawei said a meeting started or ended: read the list now rather than at the next poll.
    this.forgetListChanges = this.meetings.onListsChanged(() => {
      clearTimeout(this.timer);
      void this.poll();
    });
  }

  stop(): void {
    this.stopped = true;
    this.forgetListChanges?.();
    clearTimeout(this.timer);
    this.removeAllListeners();
  }

  private async poll(): Promise<void> {
    // One poll at a time: a change told while one is under way asks for one more after it.
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = true;
    try {
      const { value, fetchedAt } = await this.meetings.ongoing(this.viewer, "");
      if (this.stopped) return;
      this.lastOk = Date.now();
      this.setStatus("live");
      this.emit("update", { items: value }, Date.parse(fetchedAt));
    } catch {
      if (this.stopped) return;
      if (Date.now() - this.lastOk > this.staleAfterMs) this.setStatus("stale");
    } finally {
      this.polling = false;
    }
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      return this.poll();
    }
    this.timer = setTimeout(() => void this.poll(), this.pollMs);
  }

  private setStatus(status: UpstreamLiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.statusSince = Date.now();
    this.emit("status", status, this.statusSince);
  }
}
