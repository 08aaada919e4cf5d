import type { MeetingTopicData, Participant, UnavailableReason, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { RowHint } from "@/lib/live/diff";
import type { MeetingWatcher } from "@/lib/live/meeting-watcher";
import { SourceListeners, type UpdateListener } from "./source-listeners";

interface Entry {
  watcher: MeetingWatcher;
  users: number;
}

/**
 * One upstream watcher per meeting in this process, shared by whoever needs it (a meeting
 * topic, the wall), started on first use and stopped when the last user lets go.
 */
export class WatcherPool {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly make: (conferenceID: string) => MeetingWatcher) {}

  acquire(conferenceID: string): MeetingWatcher {
    let entry = this.entries.get(conferenceID);
    if (!entry) {
      entry = { watcher: this.make(conferenceID), users: 0 };
      this.entries.set(conferenceID, entry);
      void entry.watcher.start();
    }
    entry.users += 1;
    return entry.watcher;
  }

  release(conferenceID: string): void {
    const entry = this.entries.get(conferenceID);
    if (!entry || --entry.users > 0) return;
    entry.watcher.stop();
    this.entries.delete(conferenceID);
  }

  /** The running watcher of a meeting in this process, if any (not a use of it). */
  peek(conferenceID: string): MeetingWatcher | undefined {
    return this.entries.get(conferenceID)?.watcher;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A meeting topic's source: a share of the pooled watcher. A topic that joins a watcher already
 * running gets its current state at once instead of waiting for the next change.
 */
export class PooledMeetingSource extends SourceListeners {
  private watcher?: MeetingWatcher;

  private readonly forwarders = new Map<UpdateListener, (data: MeetingTopicData, sourceTime: number, hint: RowHint<Participant>) => void>();

  constructor(
    private readonly pool: WatcherPool,
    readonly conferenceID: string,
    /** What the topic publishes of the meeting (the wall's view leaves identities out); none for the meeting as it is. */
    private readonly view?: (data: MeetingTopicData) => unknown,
  ) {
    super();
  }

  get status(): UpstreamLiveStatus {
    return this.watcher?.status ?? "polling";
  }

  get statusSince(): number {
    return this.watcher?.statusSince ?? Date.now();
  }

  get statusReason(): UnavailableReason | undefined {
    return this.watcher?.statusReason;
  }

  start(): void {
    const watcher = this.pool.acquire(this.conferenceID);
    this.watcher = watcher;
    for (const fn of this.updates) {
      // The watcher's hint names its own rows: it holds for the meeting as it is, not for a view made of it.
      const forward = (data: MeetingTopicData, sourceTime: number, hint: RowHint<Participant>) => (this.view ? fn(this.view(data), sourceTime) : fn(data, sourceTime, hint as RowHint<unknown>));
      this.forwarders.set(fn, forward);
      watcher.on("update", forward);
    }
    for (const fn of this.statuses) watcher.on("status", fn);
    if (watcher.hasData) for (const fn of this.updates) fn(this.view ? this.view(watcher.state.snapshot()) : watcher.state.snapshot(), watcher.state.sourceTime);
  }

  stop(): void {
    if (!this.watcher) return;
    for (const forward of this.forwarders.values()) this.watcher.off("update", forward);
    this.forwarders.clear();
    for (const fn of this.statuses) this.watcher.off("status", fn);
    this.watcher = undefined;
    this.pool.release(this.conferenceID);
  }
}
