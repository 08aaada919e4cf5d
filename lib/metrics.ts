import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The dashboard's Prometheus metrics, in one registry the custom server and the route handlers
 * share (route handlers are bundled apart: one instance through a global symbol). Gauges that
 * read live state (viewers, watched meetings, cache sizes) are filled in when scraped by the
 * collectors the server registers (server/metrics-collectors.ts).
 */
function createMetrics() {
  const registry = new Registry();
  // The process's own: resident memory, CPU, event-loop lag, heap.
  collectDefaultMetrics({ register: registry });
  const beforeScrape: (() => void)[] = [];
  const upstreamBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  return {
    registry,
    /** Adds a function that fills gauges from live state just before each scrape. */
    onScrape: (fn: () => void) => void beforeScrape.push(fn),
    /** The metrics in Prometheus' text format. */
    scrape: async () => {
      for (const fn of beforeScrape) fn();
      return registry.metrics();
    },
    upstreamCalls: new Counter({
      name: "mm_upstream_calls_total",
      help: "Calls to Huawei's API by path group and outcome (ok, api, timeout, network, schema, config).",
      labelNames: ["path", "outcome"] as const,
      registers: [registry],
    }),
    upstreamLatency: new Histogram({
      name: "mm_upstream_call_duration_seconds",
      help: "Time of one call to Huawei's API, retries and waiting for the rate budget included.",
      labelNames: ["path"] as const,
      buckets: upstreamBuckets,
      registers: [registry],
    }),
    pushLatency: new Histogram({
      name: "mm_push_latency_seconds",
      help: "From the upstream frame's createTime to the relay's emit of the patch or snapshot.",
      labelNames: ["topic"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    socketConnections: new Counter({
      name: "mm_socket_connections_total",
      help: "Browser sockets accepted, first connections and reconnects.",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    socketRefusals: new Counter({
      name: "mm_socket_refusals_total",
      help: "Socket requests refused, by reason (origin, unauthenticated, limit, rate, forbidden, bad_request).",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: "mm_sign_in_failures_total",
      help: "Sign-ins refused, by reason (bad_credentials, throttled, busy, bad_request).",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    alertMessages: new Counter({
      name: "mm_alert_messages_total",
      help: "Alert messages sent (a summary counts once), by platform and outcome (ok, retry, rate_limited, rejected).",
      labelNames: ["platform", "outcome"] as const,
      registers: [registry],
    }),
    viewers: new Gauge({ name: "mm_viewers", help: "Browser sockets connected to this instance.", registers: [registry] }),
    watchedMeetings: new Gauge({
      name: "mm_watched_meetings",
      help: "Meetings this instance watches upstream, by live status.",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    topics: new Gauge({ name: "mm_topics", help: "Topics with viewers or a watcher on this instance, by kind.", labelNames: ["topic"] as const, registers: [registry] }),
    cacheEntries: new Gauge({ name: "mm_cache_entries", help: "Entries in the process's bounded caches, by cache.", labelNames: ["cache"] as const, registers: [registry] }),
    upstreamWaiting: new Gauge({ name: "mm_upstream_waiting_calls", help: "Calls waiting for the upstream rate budget.", registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for("meeting-monitor.metrics");
type Holder = { [KEY]?: Metrics };

export function metrics(): Metrics {
  return ((globalThis as Holder)[KEY] ??= createMetrics());
}

/** A Huawei path as a short label: `/v1/mmc/management/conferences/confDetail` → `management/confDetail` (IDs travel in queries, so the set is fixed). */
export function pathGroup(path: string): string {
  return path.replace(/^\/v\d+\/(?:mmc|usg)\//, "").replace("/conferences", "");
}
