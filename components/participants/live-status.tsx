"use client";

import type { UpstreamLiveStatus } from "@/lib/domain/participant";
import { formatAge } from "@/lib/client/format";
import { useNow } from "@/lib/client/use-now";

const LOOK: Record<UpstreamLiveStatus | "offline" | "connecting", { dot: string; text: string; label: string }> = {
  live: { dot: "bg-emerald-500", text: "text-emerald-700 dark:text-emerald-400", label: "Live" },
  polling: { dot: "bg-amber-500", text: "text-amber-700 dark:text-amber-400", label: "Reconnecting to Huawei: updating every few seconds" },
  stale: { dot: "bg-red-500", text: "text-red-700 dark:text-red-400", label: "Stale: Huawei is not answering, data may be out of date" },
  ended: { dot: "bg-slate-400", text: "text-slate-600 dark:text-slate-400", label: "Meeting ended" },
  unavailable: { dot: "bg-slate-400", text: "text-slate-700 dark:text-slate-300", label: "No live data for this meeting" },
  offline: { dot: "bg-red-500", text: "text-red-700 dark:text-red-400", label: "Connection to the dashboard lost: reconnecting" },
  connecting: { dot: "bg-slate-400", text: "text-slate-500", label: "Connecting" },
};

/** Where the data comes from and how old it is; never silently wrong. */
export function LiveStatus({ upstream, connected, sourceTime }: { upstream: UpstreamLiveStatus | null; connected: boolean; sourceTime: number }) {
  const now = useNow();
  const key = !connected ? (upstream ? "offline" : "connecting") : (upstream ?? "connecting");
  const look = LOOK[key];
  return (
    <span role="status" data-upstream={key} className={`inline-flex items-center gap-2 text-sm font-medium ${look.text}`}>
      <span aria-hidden className={`size-2.5 rounded-full ${look.dot} ${key === "live" ? "animate-pulse" : ""}`} />
      {look.label}
      {sourceTime > 0 && key !== "ended" && key !== "unavailable" && <span className="font-normal text-slate-500 dark:text-slate-400">· data from {formatAge(Math.max(0, now - sourceTime))}</span>}
    </span>
  );
}
