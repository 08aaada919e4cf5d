import { metrics } from "@/lib/metrics";
import type { Services } from "@/lib/services";
import { formatterCacheSize } from "@/lib/zoned-time";
import type { Relay } from "./relay/relay";

/** Fills the gauges that read live state, each time Prometheus scrapes. */
export function registerMetricsCollectors(services: Services, relay: Relay): void {
  const m = metrics();
  m.onScrape(() => {
    m.viewers.set(relay.io.of("/").sockets.size);
    const { topics, sources } = relay.registry.stats();
    m.topics.reset();
    for (const [topic, count] of Object.entries(topics)) m.topics.set({ topic }, count);
    m.watchedMeetings.reset();
    for (const status of ["live", "polling", "stale", "ended", "unavailable"]) m.watchedMeetings.set({ status }, sources[status] ?? 0);
    const caches = { ...services.meetings.cacheSizes(), ...services.history.cacheSizes(), "login-throttle": services.loginThrottle.size, "time-zone-formatters": formatterCacheSize(), "watcher-pool": relay.pool.size };
    for (const [cache, size] of Object.entries(caches)) m.cacheEntries.set({ cache }, size);
    m.upstreamWaiting.set(services.huawei.transport.budget.waiting.calls);
  });
}
