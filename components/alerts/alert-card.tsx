"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useTimeZone } from "@/components/app/time-zone";
import type { Alert, AlertDetail } from "@/lib/alerts/alert-schemas";
import { acknowledgeAlert, alertKeys, silenceAlert } from "@/lib/client/queries/alerts";
import { useFormat } from "@/lib/client/use-format";

const SEVERITY_STYLE: Record<Alert["severity"], string> = {
  critical: "bg-red-700 text-white dark:bg-red-500 dark:text-slate-950",
  warning: "bg-amber-300 text-amber-950 dark:bg-amber-400",
  info: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

export function SeverityBadge({ severity }: { severity: Alert["severity"] }) {
  const words = useTranslations("alertMessages");
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${SEVERITY_STYLE[severity]}`}>{words("severity", { severity })}</span>;
}

/** The detail of an alert in the reader's language (a length and a time written out). */
export function useDetailText(): (d: AlertDetail) => string {
  const words = useTranslations("alertMessages");
  const f = useFormat();
  return (d) => {
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(d.values)) {
      if (k === "durationMs") values.duration = f.duration(Number(v));
      else if (k === "atMs") values.time = new Date(Number(v)).toISOString().slice(11, 16);
      else values[k] = v;
    }
    return words(`detail.${d.key}`, values);
  };
}

/** One alert: what, where, since when, who acknowledged or silenced it, and each message's fate. */
export function AlertCard({ alert, now, actions }: { alert: Alert; now: number; actions: boolean }) {
  const t = useTranslations("alerts");
  const words = useTranslations("alertMessages");
  const f = useFormat();
  const [timeZone] = useTimeZone();
  const detail = useDetailText();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: alertKeys.list });
  const ack = useMutation({ mutationFn: () => acknowledgeAlert(alert.id), onSuccess: refresh });
  const silence = useMutation({ mutationFn: () => silenceAlert(alert.id, 60), onSuccess: refresh });
  const fired = Date.parse(alert.firedAt);
  const cleared = alert.clearedAt ? Date.parse(alert.clearedAt) : null;
  return (
    <li data-alert={alert.id} data-reason={alert.reason} className="space-y-1.5 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={alert.severity} />
        <span className="font-medium">{words("reason", { reason: alert.reason })}</span>
        <Link href={`/meetings/${encodeURIComponent(alert.conferenceID)}`} className="font-medium break-words text-sky-700 hover:underline dark:text-sky-400">
          {alert.subject}
        </Link>
      </div>
      <p className="text-slate-700 dark:text-slate-300">
        {detail(alert.detail)}
        {alert.hostName ? ` · ${alert.hostName}` : ""}
      </p>
      <p className="text-slate-600 tabular-nums dark:text-slate-400">
        {cleared === null
          ? t("since", { time: f.dateTime(alert.firedAt, timeZone), duration: f.duration(now - fired) })
          : t("cleared", { from: f.dateTime(alert.firedAt, timeZone), to: f.time(alert.clearedAt, timeZone), duration: f.duration(cleared - fired) })}
        {alert.ruleName !== alert.reason && ` · ${t("rule", { name: alert.ruleName })}`}
      </p>
      {(alert.ackedBy || alert.silencedBy) && (
        <p className="text-slate-600 dark:text-slate-400">
          {alert.ackedBy && <span data-acked>{t("acked", { who: alert.ackedBy })}</span>}
          {alert.ackedBy && alert.silencedBy && " · "}
          {alert.silencedBy && alert.silencedUntil && t("silenced", { who: alert.silencedBy, time: f.time(alert.silencedUntil, timeZone) })}
        </p>
      )}
      {actions && (
        <ul className="flex flex-wrap gap-1.5" aria-label={words("reason", { reason: alert.reason })}>
          {alert.deliveries.length === 0 && <li className="text-slate-500 dark:text-slate-400">{t("noDelivery")}</li>}
          {alert.deliveries.map((d) => (
            <li key={d.id} title={d.answer ?? undefined} data-delivery={d.state} className={`rounded border px-1.5 py-0.5 text-xs ${d.state === "failed" ? "border-red-400 text-red-800 dark:text-red-300" : d.state === "delivered" ? "border-emerald-400 text-emerald-800 dark:text-emerald-300" : "border-slate-300 text-slate-700 dark:text-slate-300"}`}>
              {t("deliveryKind", { kind: d.kind })} · {t("delivery", { channel: d.channelName, state: d.state, summarized: d.summarized ? "yes" : "no" })}
            </li>
          ))}
        </ul>
      )}
      {actions && cleared === null && (
        <div className="flex flex-wrap gap-2 pt-1">
          {!alert.ackedBy && (
            <button type="button" onClick={() => ack.mutate()} disabled={ack.isPending} className="rounded-md bg-sky-700 px-2.5 py-1 font-medium text-white disabled:opacity-60">
              {t("ack")}
            </button>
          )}
          <button type="button" onClick={() => silence.mutate()} disabled={silence.isPending} className="rounded-md border border-slate-300 px-2.5 py-1 dark:border-slate-600">
            {t("silence")}
          </button>
        </div>
      )}
    </li>
  );
}
