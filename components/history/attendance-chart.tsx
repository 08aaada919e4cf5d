"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/client/use-format";

/** People present over the meeting's length. */
export function AttendanceChart({ series, timeZone }: { series: { t: string; count: number }[]; timeZone: string }) {
  const t = useTranslations("attendance");
  const f = useFormat();
  const data = series.map((p) => ({ t: Date.parse(p.t), count: p.count }));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-2 text-sm font-medium">{t("chartTitle")}</figcaption>
      <div className="h-56" role="img" aria-label={t("chartLabel")}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(at: number) => f.time(new Date(at).toISOString(), timeZone)}
              stroke="currentColor"
              strokeOpacity={0.5}
              fontSize={12}
            />
            <YAxis allowDecimals={false} width={40} stroke="currentColor" strokeOpacity={0.5} fontSize={12} />
            <Tooltip
              labelFormatter={(at) => f.time(new Date(Number(at)).toISOString(), timeZone)}
              formatter={(v) => [v, t("presentSeries")]}
              contentStyle={{ fontSize: 12 }}
            />
            <Area type="stepAfter" dataKey="count" stroke="#0284c7" fill="#0ea5e9" fillOpacity={0.25} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
