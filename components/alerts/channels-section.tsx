"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox } from "@/components/app/ui";
import { channelKindSchema, type Channel, type ChannelKind, type Delivery } from "@/lib/alerts/alert-schemas";
import { alertKeys, channelsQuery, createChannel, removeChannel, testChannel } from "@/lib/client/queries/alerts";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { commaList, Field, inputClass } from "./form-fields";

const MENTIONS: ReadonlySet<ChannelKind> = new Set(["dingtalk", "wecom", "feishu"]);
const SECRETS: ReadonlySet<ChannelKind> = new Set(["webhook", "dingtalk", "feishu"]);

/** An admin's channels: where each sends, whether it works, a test button; and the form for a new one. */
export function ChannelsSection() {
  const t = useTranslations("alerts");
  const errorMessage = useErrorMessage();
  const list = useQuery(channelsQuery());
  return (
    <section className="space-y-3" aria-labelledby="channels-heading">
      <h2 id="channels-heading" className="text-lg font-semibold">
        {t("channels")}
      </h2>
      {list.isError ? (
        <ErrorBox title={t("channels")} message={errorMessage(list.error)} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState>{t("noChannels")}</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label={t("table")}>
          {list.data?.items.map((c) => <ChannelRow key={c.id} channel={c} />)}
        </ul>
      )}
      <ChannelForm />
    </section>
  );
}

function ChannelRow({ channel: c }: { channel: Channel }) {
  const t = useTranslations("alerts");
  const f = useFormat();
  const [timeZone] = useTimeZone();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const [result, setResult] = useState<Delivery | null>(null);
  const test = useMutation({
    mutationFn: () => testChannel(c.id),
    onSuccess: (d) => {
      setResult(d);
      void client.invalidateQueries({ queryKey: alertKeys.channels });
    },
  });
  const remove = useMutation({ mutationFn: () => removeChannel(c.id), onSuccess: () => void client.invalidateQueries({ queryKey: alertKeys.all }) });
  return (
    <li data-channel={c.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 break-words">
          <span className="font-medium">{c.name}</span> · {t("kinds", { kind: c.kind })} · {LOCALE_NAMES[c.language]}
        </p>
        <div className="flex gap-2">
          <button type="button" onClick={() => test.mutate()} disabled={test.isPending} className="rounded-md bg-sky-700 px-2.5 py-1 font-medium text-white disabled:opacity-60">
            {t("test")}
          </button>
          <button type="button" onClick={() => remove.mutate()} aria-label={t("removeName", { name: c.name })} className="rounded-md border border-red-300 px-2.5 py-1 text-red-700 dark:border-red-800 dark:text-red-300">
            {t("remove")}
          </button>
        </div>
      </div>
      <p className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">
        {c.target}
        {c.to.length ? ` → ${c.to.join(", ")}` : ""}
        {c.mentions.length ? ` · @${c.mentions.join(" @")}` : ""}
      </p>
      <p data-channel-state={c.failingSince ? "failing" : "ok"} className={c.failingSince ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}>
        {c.failingSince ? t("failingSince", { time: f.dateTime(c.failingSince, timeZone), error: c.lastError ?? "" }) : c.lastDeliveredAt ? `${t("ok")} · ${t("okAt", { time: f.dateTime(c.lastDeliveredAt, timeZone) })}` : t("untried")}
      </p>
      {result && (
        <p role="status" data-test-result={result.state} className={result.state === "delivered" ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}>
          {t("testResult", { state: result.state, answer: result.answer ?? "" })}
        </p>
      )}
      {test.isError && <p className="text-red-700 dark:text-red-300">{errorMessage(test.error)}</p>}
    </li>
  );
}

function ChannelForm() {
  const t = useTranslations("alerts");
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [kind, setKind] = useState<ChannelKind>("dingtalk");
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const [language, setLanguage] = useState<Locale>("zh-CN");
  const [mentions, setMentions] = useState("");
  const [to, setTo] = useState("");
  const [from, setFrom] = useState("");
  const [made, setMade] = useState("");
  const create = useMutation({
    mutationFn: () =>
      createChannel({
        kind,
        name,
        url,
        language,
        ...(SECRETS.has(kind) && secret ? { secret } : {}),
        ...(MENTIONS.has(kind) ? { mentions: commaList(mentions) } : {}),
        ...(kind === "email" ? { to: commaList(to), from: from || undefined } : {}),
      }),
    onSuccess: () => {
      setMade(name);
      setName("");
      setUrl("");
      setSecret("");
      setMentions("");
      void client.invalidateQueries({ queryKey: alertKeys.channels });
    },
  });
  return (
    <form
      aria-label={t("addChannel")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Field label={t("kind")}>
        <select value={kind} onChange={(e) => setKind(channelKindSchema.parse(e.target.value))} className={inputClass} name="kind">
          {channelKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t("kinds", { kind: k })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("name")}>
        <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} name="name" />
      </Field>
      <Field label={t("url")} hint={t("urlHint", { kind })} wide>
        <input required type="url" maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} className={`${inputClass} font-mono`} name="url" autoComplete="off" />
      </Field>
      {SECRETS.has(kind) && (
        <Field label={t("secret")} hint={t("secretHint", { kind })}>
          <input type="password" maxLength={512} value={secret} onChange={(e) => setSecret(e.target.value)} className={inputClass} name="secret" autoComplete="new-password" />
        </Field>
      )}
      <Field label={t("language")}>
        <select value={language} onChange={(e) => setLanguage(e.target.value as Locale)} className={inputClass} name="language">
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
      {MENTIONS.has(kind) && (
        <Field label={t("mentions")} hint={t("mentionsHint", { kind })}>
          <input value={mentions} onChange={(e) => setMentions(e.target.value)} className={inputClass} name="mentions" />
        </Field>
      )}
      {kind === "email" && (
        <>
          <Field label={t("to")} hint={t("toHint")}>
            <input required value={to} onChange={(e) => setTo(e.target.value)} className={inputClass} name="to" />
          </Field>
          <Field label={t("from")}>
            <input required type="email" value={from} onChange={(e) => setFrom(e.target.value)} className={inputClass} name="from" />
          </Field>
        </>
      )}
      <div className="sm:col-span-2">
        <button type="submit" disabled={create.isPending} className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white disabled:opacity-60">
          {t("addChannel")}
        </button>
      </div>
      {create.isError && (
        <div className="sm:col-span-2">
          <ErrorBox title={t("addFailed")} message={errorMessage(create.error)} />
        </div>
      )}
      {create.data?.secret && (
        <div role="status" className="space-y-1 rounded-lg border border-emerald-300 bg-emerald-50 p-3 sm:col-span-2 dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="font-medium">{t("generatedSecret", { name: made })}</p>
          <p className="font-mono break-all" data-generated-secret>
            {create.data.secret}
          </p>
        </div>
      )}
    </form>
  );
}
