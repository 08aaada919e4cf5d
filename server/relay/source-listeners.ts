import type { UnavailableReason, UpstreamLiveStatus } from "@/lib/domain/participant";
import type { RowHint } from "@/lib/live/diff";

export type UpdateListener = (data: unknown, sourceTime: number, hint?: RowHint<unknown>) => void;
export type StatusListener = (status: UpstreamLiveStatus, since: number, reason?: UnavailableReason) => void;

/** The listeners a topic registers on a source that is a view of something shared (a pooled watcher, the wall feed), kept until it starts. */
export class SourceListeners {
  protected readonly updates: UpdateListener[] = [];
  protected readonly statuses: StatusListener[] = [];

  on(event: "update", fn: UpdateListener): void;
  on(event: "status", fn: StatusListener): void;
  on(event: "update" | "status", fn: UpdateListener | StatusListener): void {
    if (event === "update") this.updates.push(fn as UpdateListener);
    else this.statuses.push(fn as StatusListener);
  }
}
