"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { z } from "zod";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, tableFrame, tableHead } from "@/components/app/ui";
import { ApiError, getJson } from "@/lib/client/api";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";

const displaySchema = z.object({ id: z.string(), name: z.string(), settings: z.string(), createdAt: z.string(), createdBy: z.string(), lastSeenAt: z.string().nullable() });
const listSchema = z.object({ items: z.array(displaySchema) });
const createdSchema = z.object({ display: displaySchema.omit({ lastSeenAt: true }), url: z.string() });
const KEY = ["admin", "displays"] as const;

async function send(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", accept: "application/json" } });
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? "http_error", error?.message ?? `The server answered ${res.status}.`);
  }
  return body;
}

/** Wall displays: make a link for a screen, see when each was last seen, revoke one at once. */
export function DisplaysPage() {
  const t = useTranslations("displays");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [timeZone] = useTimeZone();
  const client = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => getJson("/api/admin/displays", listSchema, signal), refetchInterval: 30_000 });
  const [name, setName] = useState("");
  const [settings, setSettings] = useState("");
  const create = useMutation({
    mutationFn: async () => createdSchema.parse(await send("/api/admin/displays", { method: "POST", body: JSON.stringify({ name, settings }) })),
    onSuccess: () => {
      setName("");
      setSettings("");
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => send(`/api/admin/displays/${id}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("intro")}</p>
      </div>

      <form
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[1fr_2fr_auto] sm:items-end dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("name")}</span>
          <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("settings")}</span>
          <input value={settings} onChange={(e) => setSettings(e.target.value)} placeholder="only=attention&mask=initials&lang=zh-CN" className="min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-600 dark:bg-slate-950" />
        </label>
        <button type="submit" disabled={create.isPending} className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white disabled:opacity-60">
          {t("create")}
        </button>
      </form>
      {create.isError && <ErrorBox title={t("createFailed")} message={errorMessage(create.error)} />}
      {create.data && (
        <div role="status" className="space-y-1 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="font-medium">{t("linkFor", { name: create.data.display.name })}</p>
          <p className="break-all font-mono" data-display-url>
            {create.data.url}
          </p>
        </div>
      )}

      {list.isError ? (
        <ErrorBox title={t("loadFailed")} message={errorMessage(list.error)} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <div className={tableFrame} tabIndex={0} role="region" aria-label={t("table")}>
          <table className="w-full text-left text-sm">
            <thead className={tableHead}>
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("name")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("settings")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("created")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("lastSeen")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  <span className="sr-only">{t("revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {list.data?.items.map((d) => (
                <tr key={d.id} data-display={d.id}>
                  <td className="px-4 py-2 font-medium">{d.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{d.settings || "—"}</td>
                  <td className="px-4 py-2">
                    {f.dateTime(d.createdAt, timeZone)} · {d.createdBy}
                  </td>
                  <td className="px-4 py-2">{d.lastSeenAt ? f.dateTime(d.lastSeenAt, timeZone) : t("never")}</td>
                  <td className="px-4 py-2 text-right">
                    <button type="button" onClick={() => revoke.mutate(d.id)} aria-label={t("revokeName", { name: d.name })} className="rounded-md border border-red-300 px-2.5 py-1 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40">
                      {t("revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
