"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/client/use-format";

/** Head count, hands up and people unmuted over the meeting, with the moment marked. */
export function ReplayChart({ series, at, from, to, timeZone }: { series: { at: number; present: number; hands: number; unmuted: number }[]; at: number; from: number; to: number; timeZone: string }) {
  const t = useTranslations("replay");
  const f = useFormat();
  const time = (ms: number) => f.time(new Date(ms).toISOString(), timeZone);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-2 text-sm font-medium">{t("chart")}</figcaption>
      <div className="h-56" role="img" aria-label={t("chartLabel")}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={series} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
            <XAxis dataKey="at" type="number" scale="time" domain={[from, to]} tickFormatter={time} stroke="currentColor" strokeOpacity={0.5} fontSize={12} />
            <YAxis allowDecimals={false} width={40} stroke="currentColor" strokeOpacity={0.5} fontSize={12} />
            <Tooltip labelFormatter={(v) => time(Number(v))} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="stepAfter" dataKey="present" name={t("present")} stroke="#0284c7" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="hands" name={t("hands")} stroke="#d97706" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="unmuted" name={t("unmuted")} stroke="#059669" dot={false} isAnimationActive={false} />
            <ReferenceLine x={at} stroke="#dc2626" />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
