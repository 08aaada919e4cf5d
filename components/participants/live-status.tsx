"use client";

import { useTranslations } from "next-intl";
import type { UpstreamLiveStatus } from "@/lib/domain/participant";
import { useFormat } from "@/lib/client/use-format";
import { useNow } from "@/lib/client/use-now";

type Key = UpstreamLiveStatus | "offline" | "connecting";

const LOOK: Record<Key, { dot: string; text: string }> = {
  live: { dot: "bg-emerald-500", text: "text-emerald-700 dark:text-emerald-400" },
  polling: { dot: "bg-amber-500", text: "text-amber-800 dark:text-amber-400" },
  stale: { dot: "bg-red-500", text: "text-red-700 dark:text-red-400" },
  ended: { dot: "bg-slate-400", text: "text-slate-700 dark:text-slate-300" },
  unavailable: { dot: "bg-slate-400", text: "text-slate-700 dark:text-slate-300" },
  offline: { dot: "bg-red-500", text: "text-red-700 dark:text-red-400" },
  connecting: { dot: "bg-slate-400", text: "text-slate-600 dark:text-slate-300" },
};

/** Where the data comes from and how old it is; never silently wrong. Not a live region: it ticks. */
/** `presence`: while unavailable, who is present still comes (Huawei's attendee list), and that is said. */
export function LiveStatus({ upstream, connected, sourceTime, presence = false }: { upstream: UpstreamLiveStatus | null; connected: boolean; sourceTime: number; presence?: boolean }) {
  const t = useTranslations("status");
  const f = useFormat();
  const now = useNow();
  const key: Key = !connected ? (upstream ? "offline" : "connecting") : (upstream ?? "connecting");
  const look = LOOK[key];
  return (
    <span data-upstream={key} className={`inline-flex flex-wrap items-center gap-2 text-sm font-medium ${look.text}`}>
      <span aria-hidden className={`size-2.5 rounded-full ${look.dot} ${key === "live" ? "animate-pulse" : ""}`} />
      {key === "unavailable" && presence ? t("presenceOnly") : t(key)}
      {sourceTime > 0 && key !== "ended" && key !== "unavailable" && (
        <span className="font-normal text-slate-600 dark:text-slate-400">{t("dataFrom", { age: f.age(Math.max(0, now - sourceTime)) })}</span>
      )}
    </span>
  );
}
