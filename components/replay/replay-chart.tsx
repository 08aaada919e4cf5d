"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/client/use-format";
import type { ChartPoint } from "@/lib/replay/replay-state";

type Series = ChartPoint[];

/** The chart's plot area: the y axis's width on the left, the margin on the right (the moment's line is drawn over it). */
const AXIS_PX = 40;
const RIGHT_PX = 12;

/**
 * Head count, hands up, people unmuted and speakers over the meeting, with the moment marked; what
 * was not seen is not drawn. The chart is drawn once; scrubbing moves only the line over it
 * (redrawing the chart at every step of the slider took longer than a frame in a 1,000-person meeting).
 */
export function ReplayChart({ series, at, from, to, timeZone }: { series: Series; at: number; from: number; to: number; timeZone: string }) {
  const t = useTranslations("replay");
  const share = Math.min(1, Math.max(0, (at - from) / Math.max(1, to - from)));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-2 text-sm font-medium">{t("chart")}</figcaption>
      <div className="relative h-56" role="img" aria-label={t("chartLabel")}>
        <Lines series={series} from={from} to={to} timeZone={timeZone} />
        <span aria-hidden className="pointer-events-none absolute top-1 bottom-14 w-px bg-red-600" style={{ left: `calc(${AXIS_PX}px + (100% - ${AXIS_PX + RIGHT_PX}px) * ${share})` }} data-chart-moment />
      </div>
    </figure>
  );
}

const Lines = memo(function Lines({ series, from, to, timeZone }: { series: Series; from: number; to: number; timeZone: string }) {
  const t = useTranslations("replay");
  const f = useFormat();
  const time = (ms: number) => f.time(new Date(ms).toISOString(), timeZone);
  return (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={series} margin={{ top: 4, right: RIGHT_PX, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="at" type="number" scale="time" domain={[from, to]} tickFormatter={time} stroke="currentColor" strokeOpacity={0.5} fontSize={12} />
            <YAxis allowDecimals={false} width={AXIS_PX} stroke="currentColor" strokeOpacity={0.5} fontSize={12} />
            <Tooltip labelFormatter={(v) => time(Number(v))} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="stepAfter" dataKey="present" name={t("present")} stroke="#0284c7" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="hands" name={t("hands")} stroke="#d97706" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="unmuted" name={t("unmuted")} stroke="#059669" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="speaking" name={t("speakers")} stroke="#7c3aed" strokeDasharray="4 2" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
  );
});
