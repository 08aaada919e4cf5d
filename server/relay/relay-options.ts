import type { AttentionThresholds } from "@/lib/domain/attention";
import type { WatcherTiming } from "@/lib/live/meeting-watcher";
import type { EventRecorder } from "./event-recorder";
import type { LimitOptions } from "./subscription-limits";

export interface RelayOptions {
  /** How long a topic's upstream watcher outlives its last viewer. */
  graceMs: number;
  /** How often the ongoing-meetings list is polled while anyone watches it. */
  listPollMs: number;
  /** How often the upstream lease is claimed or renewed. */
  leaseRenewMs: number;
  timing: WatcherTiming;
  wall: { maxLive: number; thresholds: AttentionThresholds };
  limits?: LimitOptions;
  /** The replay's event log; none: changes are not kept. */
  recorder?: EventRecorder;
}
