import { RATE_LIMITS } from "@/lib/alerts/platforms";
import type { ChannelKind } from "@/lib/alerts/alert-schemas";

/**
 * Messages sent per channel in the last minute (and second), against the platform's limit: how
 * many more may go now. Over the limit the sender combines what waits into one summary.
 */
export class RateWindow {
  private readonly sent = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  available(channelId: string, kind: ChannelKind, now: number): number {
    if ((this.blockedUntil.get(channelId) ?? 0) > now) return 0;
    const limit = RATE_LIMITS[kind];
    const times = (this.sent.get(channelId) ?? []).filter((t) => now - t < 60_000);
    this.sent.set(channelId, times);
    const minute = limit.perMinute - times.length;
    const second = limit.perSecond === undefined ? minute : limit.perSecond - times.filter((t) => now - t < 1_000).length;
    return Math.max(0, Math.min(minute, second));
  }

  record(channelId: string, now: number): void {
    const times = this.sent.get(channelId) ?? [];
    times.push(now);
    this.sent.set(channelId, times);
  }

  /** The platform said "too many": nothing more until `until`. */
  block(channelId: string, until: number): void {
    this.blockedUntil.set(channelId, until);
  }
}
