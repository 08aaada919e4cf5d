"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PageHeader } from "@/components/app/page-header";
import { ErrorBox } from "@/components/app/ui";
import type { QualityThresholds, SetQualityThresholds } from "@/lib/domain/quality";
import { qualityThresholdsQuery, saveQualityThresholds, thresholdKeys } from "@/lib/client/queries/quality";
import { useErrorMessage } from "@/lib/client/use-error-message";

const MEDIA = ["AUDIO", "VIDEO", "SCREEN"] as const;
const METRICS = ["latency", "jitter", "packetLoss"] as const;
const DIRECTIONS = ["sending", "receiving"] as const;

/** Huawei's alarm thresholds of the enterprise beside their defaults, set here per media type and for the CPU. */
export function QualityThresholdsPage() {
  const t = useTranslations("thresholds");
  const errorMessage = useErrorMessage();
  const query = useQuery(qualityThresholdsQuery());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} subtitle={t("intro")} />
      {query.isError && <ErrorBox title={t("loadFailed")} message={errorMessage(query.error)} />}
      {query.data && (
        <>
          {MEDIA.map((type) => (
            <MediaForm key={type} type={type} current={query.data[type]} />
          ))}
          <CpuForm current={query.data.CPU} />
        </>
      )}
    </div>
  );
}

function useSave() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SetQualityThresholds) => saveQualityThresholds(input),
    onSuccess: () => void client.invalidateQueries({ queryKey: thresholdKeys.all }),
  });
}

/** A form's Save button, and what became of the last save. */
function SaveRow({ save }: { save: ReturnType<typeof useSave> }) {
  const t = useTranslations("thresholds");
  const errorMessage = useErrorMessage();
  return (
    <div className="flex items-center gap-3">
      <button type="submit" disabled={save.isPending} className="rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {t("save")}
      </button>
      {save.isError && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{errorMessage(save.error)}</p>}
      {save.isSuccess && <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300" data-saved>{t("saved")}</p>}
    </div>
  );
}

const input = "w-24 rounded-md border border-slate-300 bg-white px-2 py-1 text-right tabular-nums dark:border-slate-600 dark:bg-slate-950";
const box = "space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900";

function MediaForm({ type, current }: { type: (typeof MEDIA)[number]; current: QualityThresholds["AUDIO"] }) {
  const t = useTranslations("thresholds");
  const save = useSave();
  const [values, setValues] = useState(() => Object.fromEntries(METRICS.flatMap((m) => DIRECTIONS.map((d) => [`${m}.${d}`, String(current[m][d] ?? current[m][`${d}Default`] ?? "")]))));
  const num = (key: string) => Number(values[key]);
  return (
    <form
      className={box}
      aria-label={t("type", { type })}
      data-thresholds={type}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          type,
          latency: { sending: num("latency.sending"), receiving: num("latency.receiving") },
          jitter: { sending: num("jitter.sending"), receiving: num("jitter.receiving") },
          packetLoss: { sending: num("packetLoss.sending"), receiving: num("packetLoss.receiving") },
        });
      }}
    >
      <h2 className="text-base font-semibold">{t("type", { type })}</h2>
      <table className="text-left">
        <thead>
          <tr className="text-xs text-slate-600 dark:text-slate-400">
            <th className="pr-4 font-medium" />
            {DIRECTIONS.map((d) => (
              <th key={d} className="pr-4 font-medium">
                {t(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m}>
              <th className="py-1 pr-4 font-medium">{t(`metric.${m}`)}</th>
              {DIRECTIONS.map((d) => (
                <td key={d} className="py-1 pr-4">
                  <input
                    type="number"
                    min={0}
                    max={m === "packetLoss" ? 100 : 10_000}
                    required
                    aria-label={`${t("type", { type })}, ${t(`metric.${m}`)}, ${t(d)}`}
                    value={values[`${m}.${d}`]}
                    onChange={(e) => setValues({ ...values, [`${m}.${d}`]: e.target.value })}
                    className={input}
                  />
                  <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{t("default", { value: current[m][`${d}Default`] ?? "—" })}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <SaveRow save={save} />
    </form>
  );
}

function CpuForm({ current }: { current: QualityThresholds["CPU"] }) {
  const t = useTranslations("thresholds");
  const save = useSave();
  const [client, setClient] = useState(String(current.clientCpuMax.cpu ?? current.clientCpuMax.cpuDefault ?? ""));
  const [system, setSystem] = useState(String(current.systemCpuMax.cpu ?? current.systemCpuMax.cpuDefault ?? ""));
  const field = (label: string, value: string, set: (v: string) => void, def: number | null) => (
    <label className="flex items-center gap-2">
      <span className="w-40 font-medium">{label}</span>
      <input type="number" min={0} max={100} required value={value} onChange={(e) => set(e.target.value)} className={input} />
      <span className="text-xs text-slate-600 dark:text-slate-400">{t("default", { value: def ?? "—" })}</span>
    </label>
  );
  return (
    <form
      className={box}
      aria-label={t("cpu")}
      data-thresholds="CPU"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ type: "CPU", clientCpuMax: Number(client), systemCpuMax: Number(system) });
      }}
    >
      <h2 className="text-base font-semibold">{t("cpu")}</h2>
      {field(t("cpuApp"), client, setClient, current.clientCpuMax.cpuDefault)}
      {field(t("cpuSystem"), system, setSystem, current.systemCpuMax.cpuDefault)}
      <SaveRow save={save} />
    </form>
  );
}
