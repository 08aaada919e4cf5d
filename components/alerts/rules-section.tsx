"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState, ErrorBox } from "@/components/app/ui";
import { alertReasonSchema, HOST_REASONS, severitySchema, type AlertReason, type Rule, type RuleScope, type Severity } from "@/lib/alerts/alert-schemas";
import { alertKeys, channelsQuery, createRule, removeRule, rulesQuery } from "@/lib/client/queries/alerts";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { commaList, Field, inputClass } from "./form-fields";

/** The thresholds given in seconds on the form and kept in milliseconds. */
const SECONDS: ReadonlySet<AlertReason> = new Set(["hand_waiting", "started_without_host"]);
const COUNTED: ReadonlySet<AlertReason> = new Set(["below_headcount", "poor_quality", "quorum_leave"]);

/** The rules a viewer may see (an admin all, a host their own), and the form for a new one. */
export function RulesSection({ role }: { role: "admin" | "host" }) {
  const t = useTranslations("alerts");
  const errorMessage = useErrorMessage();
  const rules = useQuery(rulesQuery());
  const channels = useQuery(channelsQuery());
  const names = new Map((channels.data?.items ?? []).map((c) => [c.id, c.name]));
  return (
    <section className="space-y-3" aria-labelledby="rules-heading">
      <h2 id="rules-heading" className="text-lg font-semibold">
        {t("rules")}
      </h2>
      {rules.isError ? (
        <ErrorBox title={t("rules")} message={errorMessage(rules.error)} />
      ) : rules.data?.items.length === 0 ? (
        <EmptyState>{t("noRules")}</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label={t("rulesTable")}>
          {rules.data?.items.map((r) => <RuleRow key={r.id} rule={r} channelNames={names} />)}
        </ul>
      )}
      {channels.data && channels.data.items.length === 0 ? <EmptyState>{t("needChannel")}</EmptyState> : <RuleForm role={role} channels={channels.data?.items ?? []} />}
    </section>
  );
}

function scopeText(t: ReturnType<typeof useTranslations<"alerts">>, r: Rule): string {
  const parts: string[] = [];
  const s = r.scope;
  if (s.conferenceIds?.length) parts.push(t("scopeIds", { list: s.conferenceIds.join(", ") }));
  if (s.subjects?.length) parts.push(t("scopeSubjects", { list: s.subjects.join(", ") }));
  if (s.hosts?.length) parts.push(t("scopeHosts", { list: s.hosts.join(", ") }));
  if (s.departments?.length) parts.push(t("scopeDepartments", { list: s.departments.join(", ") }));
  const own = r.ownerRole === "host" ? t("scopeOwn") : t("scopeAll");
  return parts.length ? `${r.ownerRole === "host" ? `${own}: ` : ""}${parts.join("; ")}` : own;
}

function RuleRow({ rule: r, channelNames }: { rule: Rule; channelNames: Map<string, string> }) {
  const t = useTranslations("alerts");
  const words = useTranslations("alertMessages");
  const client = useQueryClient();
  const remove = useMutation({ mutationFn: () => removeRule(r.id), onSuccess: () => void client.invalidateQueries({ queryKey: alertKeys.all }) });
  return (
    <li data-rule={r.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-0 space-y-0.5">
        <p className="font-medium break-words">
          {t("ruleLine", { reason: words("reason", { reason: r.reason }), channels: r.channelIds.map((id) => channelNames.get(id) ?? "—").join(", ") })}
          {r.threshold !== null && ` · ${t("threshold")} ${SECONDS.has(r.reason) ? `${r.threshold / 1000} s` : r.threshold}`}
        </p>
        <p className="break-words text-slate-600 dark:text-slate-400">
          {t("ruleDetail", { scope: scopeText(t, r), window: r.windowMs / 1000, mode: t("windowMode", { mode: r.windowMode }), wait: r.waitMs / 60_000, severity: words("severity", { severity: r.severity }) })}
        </p>
      </div>
      <button type="button" onClick={() => remove.mutate()} aria-label={t("removeName", { name: r.name })} className="rounded-md border border-red-300 px-2.5 py-1 text-red-700 dark:border-red-800 dark:text-red-300">
        {t("remove")}
      </button>
    </li>
  );
}

function RuleForm({ role, channels }: { role: "admin" | "host"; channels: { id: string; name: string }[] }) {
  const t = useTranslations("alerts");
  const words = useTranslations("alertMessages");
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const reasons = role === "host" ? HOST_REASONS : alertReasonSchema.options;
  const [reason, setReason] = useState<AlertReason>(reasons[0]!);
  const [picked, setPicked] = useState<string[]>([]);
  const [threshold, setThreshold] = useState("");
  const [windowS, setWindowS] = useState("0");
  const [accumulated, setAccumulated] = useState(false);
  const [waitMin, setWaitMin] = useState("30");
  const [recoveryS, setRecoveryS] = useState("60");
  const [severity, setSeverity] = useState<Severity | "">("");
  const [scope, setScope] = useState({ conferenceIds: "", subjects: "", hosts: "", departments: "" });
  const create = useMutation({
    mutationFn: () => {
      const s: RuleScope = { conferenceIds: commaList(scope.conferenceIds), subjects: commaList(scope.subjects), hosts: commaList(scope.hosts), departments: commaList(scope.departments) };
      const n = Number(threshold);
      return createRule({
        reason,
        channelIds: picked,
        scope: Object.fromEntries(Object.entries(s).filter(([, v]) => v)) as RuleScope,
        ...(threshold && (SECONDS.has(reason) || COUNTED.has(reason)) ? { threshold: SECONDS.has(reason) ? Math.round(n * 1000) : n } : {}),
        windowMs: Math.round(Number(windowS || 0) * 1000),
        windowMode: accumulated ? "accumulated" : "continuous",
        waitMs: Math.round(Number(waitMin || 0) * 60_000),
        recoveryMs: Math.round(Number(recoveryS || 0) * 1000),
        ...(severity ? { severity } : {}),
      });
    },
    onSuccess: () => {
      setThreshold("");
      void client.invalidateQueries({ queryKey: alertKeys.rules });
    },
  });
  const scopeField = (key: keyof typeof scope, label: string) => (
    <Field label={label}>
      <input value={scope[key]} onChange={(e) => setScope({ ...scope, [key]: e.target.value })} className={inputClass} name={key} />
    </Field>
  );
  return (
    <form
      aria-label={t("addRule")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Field label={t("reason")}>
        <select value={reason} onChange={(e) => setReason(alertReasonSchema.parse(e.target.value))} className={inputClass} name="reason">
          {reasons.map((r) => (
            <option key={r} value={r}>
              {words("reason", { reason: r })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("threshold")} hint={t("thresholdHint", { reason })}>
        <input type="number" min={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} disabled={!SECONDS.has(reason) && !COUNTED.has(reason)} required={reason === "below_headcount"} className={inputClass} name="threshold" />
      </Field>
      <fieldset className="flex flex-col gap-1 sm:col-span-2">
        <legend className="font-medium">{t("channelsOf")}</legend>
        <div className="flex flex-wrap gap-3">
          {channels.map((c) => (
            <label key={c.id} className="flex items-center gap-1.5">
              <input type="checkbox" checked={picked.includes(c.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, c.id] : picked.filter((p) => p !== c.id))} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      {scopeField("conferenceIds", t("ids"))}
      {scopeField("subjects", t("subjects"))}
      {role === "admin" && scopeField("hosts", t("hosts"))}
      {role === "admin" && scopeField("departments", t("departments"))}
      <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">{t("listHint")}</p>
      <Field label={t("window")}>
        <input type="number" min={0} value={windowS} onChange={(e) => setWindowS(e.target.value)} className={inputClass} name="window" />
      </Field>
      <label className="flex items-center gap-2 self-end pb-2">
        <input type="checkbox" checked={accumulated} onChange={(e) => setAccumulated(e.target.checked)} />
        {t("windowMode", { mode: "accumulated" })}
      </label>
      <Field label={t("wait")}>
        <input type="number" min={0} value={waitMin} onChange={(e) => setWaitMin(e.target.value)} className={inputClass} name="wait" />
      </Field>
      <Field label={t("recovery")} hint={t("recoveryHint")}>
        <input type="number" min={0} max={3600} value={recoveryS} onChange={(e) => setRecoveryS(e.target.value)} className={inputClass} name="recovery" />
      </Field>
      <Field label={t("severityLabel")}>
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity | "")} className={inputClass} name="severity">
          <option value="">—</option>
          {severitySchema.options.map((s) => (
            <option key={s} value={s}>
              {words("severity", { severity: s })}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <button type="submit" disabled={create.isPending || picked.length === 0} className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white disabled:opacity-60">
          {t("addRule")}
        </button>
      </div>
      {create.isError && (
        <div className="sm:col-span-2">
          <ErrorBox title={t("addRuleFailed")} message={errorMessage(create.error)} />
        </div>
      )}
    </form>
  );
}
