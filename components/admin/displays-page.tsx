"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTimeZone } from "@/components/app/time-zone";
import { DataTable, type Column } from "@/components/app/data-table";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox } from "@/components/app/ui";
import { createDisplay, displayKeys, displaysQuery, revokeDisplay, type Display } from "@/lib/client/queries/displays";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { parseWallSettings } from "@/lib/wall/settings";
import { EMPTY_WALL_SETTINGS, WallSettingsFields, wallSettingsQuery, type WallSettingsDraft } from "./wall-settings-fields";

/** Wall displays: make a link for a screen, see when each was last seen, revoke one at once. */
export function DisplaysPage() {
  const t = useTranslations("displays");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [timeZone] = useTimeZone();
  const client = useQueryClient();
  const list = useQuery(displaysQuery());
  const [name, setName] = useState("");
  const [draft, setDraft] = useState<WallSettingsDraft>(EMPTY_WALL_SETTINGS);
  const settings = wallSettingsQuery(draft);
  const bad = parseWallSettings(new URLSearchParams(settings)).problems.length > 0;
  const create = useMutation({
    mutationFn: () => createDisplay(name, settings),
    onSuccess: () => {
      setName("");
      setDraft(EMPTY_WALL_SETTINGS);
      void client.invalidateQueries({ queryKey: displayKeys.all });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeDisplay,
    onSuccess: () => void client.invalidateQueries({ queryKey: displayKeys.all }),
  });

  const columns: Column<Display>[] = [
    { key: "name", header: t("name"), cell: (d) => d.name, className: "font-medium" },
    { key: "settings", header: t("settings"), cell: (d) => d.settings || "—", className: "font-mono text-xs" },
    { key: "created", header: t("created"), cell: (d) => `${f.dateTime(d.createdAt, timeZone)} · ${d.createdBy}` },
    { key: "seen", header: t("lastSeen"), cell: (d) => (d.lastSeenAt ? f.dateTime(d.lastSeenAt, timeZone) : t("never")) },
    {
      key: "revoke",
      header: <span className="sr-only">{t("revoke")}</span>,
      align: "right",
      cell: (d) => (
        <button type="button" onClick={() => revoke.mutate(d.id)} aria-label={t("revokeName", { name: d.name })} className="rounded-md border border-red-300 px-2.5 py-1 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40">
          {t("revoke")}
        </button>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} subtitle={t("intro")} />

      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(e) => {
          e.preventDefault();
          if (!bad) create.mutate();
        }}
      >
        <label className="flex flex-col gap-1 sm:max-w-md">
          <span className="font-medium">{t("name")}</span>
          <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950" />
        </label>
        <WallSettingsFields draft={draft} onChange={setDraft} />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={create.isPending || bad} className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white disabled:opacity-60">
            {t("create")}
          </button>
          <span className="text-slate-600 dark:text-slate-400">
            {t("opens")} <code className="font-mono" data-settings-preview>/wall{settings ? `?${settings}` : ""}</code>
          </span>
        </div>
      </form>
      {create.isError && <ErrorBox title={t("createFailed")} message={errorMessage(create.error)} />}
      {create.data && (
        <div role="status" className="space-y-1 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="font-medium">{t("linkFor", { name: create.data.display.name })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <p className="break-all font-mono" data-display-url>
              {create.data.url}
            </p>
            <CopyButton text={create.data.url} />
          </div>
        </div>
      )}

      {list.isError ? (
        <ErrorBox title={t("loadFailed")} message={errorMessage(list.error)} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <DataTable label={t("table")} columns={columns} rows={list.data?.items ?? []} rowKey={(d) => d.id} rowProps={(d) => ({ "data-display": d.id })} />
      )}
    </div>
  );
}

/** Copies the link, shown once, so nobody has to select a long token by hand. */
function CopyButton({ text }: { text: string }) {
  const t = useTranslations("displays");
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <button
      type="button"
      onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
      className="rounded-md border border-emerald-400 px-2.5 py-1 dark:border-emerald-700"
    >
      {copied === null ? t("copy") : copied ? t("copied") : t("copyFailed")}
    </button>
  );
}
