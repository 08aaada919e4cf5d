"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTimeZone } from "@/components/app/time-zone";
import type { DirectionSeries, ParticipantSeriesResponse } from "@/lib/domain/quality";
import { participantSeriesQuery } from "@/lib/client/queries/quality-series";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";

type Metric = keyof DirectionSeries;
const METRICS: Metric[] = ["latencyMs", "jitterMs", "lossPercent", "bitrateKbps", "frameRate"];

/**
 * A person's connection over the meeting, as Teams' and BigBlueButton's per-person views show it:
 * their device and network, then latency, jitter, loss, bitrate, frame rate and CPU as charts,
 * sent and received, with the enterprise's threshold drawn where Huawei alarms on it.
 */
export function QualitySeries({ conferenceID, pid }: { conferenceID: string; pid: string }) {
  const t = useTranslations("quality");
  const errorMessage = useErrorMessage();
  const series = useQuery(participantSeriesQuery(conferenceID, pid));
  if (series.isError) return <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{errorMessage(series.error)}</p>;
  if (!series.data) return <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{t("loadingSeries")}</p>;
  const { user, media, cpu } = series.data;
  const facts: [string, string | null][] = [
    [t("device"), [user.terminalType, user.systemInfo].filter(Boolean).join(" · ") || null],
    [t("appVersion"), user.appVersion],
    [t("network"), user.networkType],
    [t("location"), [user.location, user.ipAddress].filter(Boolean).join(" · ") || null],
  ];
  return (
    <section className="mt-4 space-y-3" aria-label={t("seriesTitle")} data-quality-series>
      <h3 className="text-sm font-semibold">{t("seriesTitle")}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="break-words">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
      {METRICS.map((metric) => (
        <Chart key={metric} title={t(`metric.${metric}`)} lines={[
          { name: t("audioSent"), points: media.audio.send[metric] },
          { name: t("audioReceived"), points: media.audio.receive[metric] },
          { name: t("videoSent"), points: media.video.send[metric] },
          { name: t("videoReceived"), points: media.video.receive[metric] },
        ]} />
      ))}
      <Chart title={t("metric.cpu")} lines={[{ name: t("cpuApp"), points: cpu.client }, { name: t("cpuSystem"), points: cpu.system }]} />
    </section>
  );
}

const COLOURS = ["#0284c7", "#7c3aed", "#059669", "#d97706"];

function Chart({ title, lines }: { title: string; lines: { name: string; points: ParticipantSeriesResponse["cpu"]["client"] }[] }) {
  const f = useFormat();
  const [timeZone] = useTimeZone();
  const shown = lines.filter((l) => l.points.length > 0);
  if (!shown.length) return null;
  // One row per sample time, a column per line.
  const rows = new Map<number, Record<string, number>>();
  for (const line of shown) for (const p of line.points) rows.set(Date.parse(p.at), { ...rows.get(Date.parse(p.at)), t: Date.parse(p.at), [line.name]: p.value });
  const data = [...rows.values()].sort((a, b) => a.t! - b.t!);
  const threshold = shown.flatMap((l) => l.points).findLast((p) => p.threshold !== null)?.threshold ?? null;
  return (
    <figure>
      <figcaption className="text-xs font-medium text-slate-700 dark:text-slate-300">{title}</figcaption>
      <div className="h-36" role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(at: number) => f.time(new Date(at).toISOString(), timeZone)} stroke="currentColor" strokeOpacity={0.5} fontSize={10} />
            <YAxis width={36} stroke="currentColor" strokeOpacity={0.5} fontSize={10} />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 10 }} />
            <Tooltip labelFormatter={(at) => f.time(new Date(Number(at)).toISOString(), timeZone)} contentStyle={{ fontSize: 11 }} />
            {threshold !== null && <ReferenceLine y={threshold} stroke="#dc2626" strokeDasharray="4 3" label={{ value: String(threshold), fontSize: 10, fill: "#dc2626", position: "insideTopRight" }} />}
            {shown.map((line, i) => (
              <Line key={line.name} type="monotone" dataKey={line.name} stroke={COLOURS[i % COLOURS.length]} strokeWidth={1.5} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
