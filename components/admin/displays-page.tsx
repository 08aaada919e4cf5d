"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { useTimeZone } from "@/components/app/time-zone";
import { EmptyState, ErrorBox, tableFrame, tableHead } from "@/components/app/ui";
import { getJson } from "@/lib/client/api";
import { formatDateTime } from "@/lib/client/format";

const displaySchema = z.object({ id: z.string(), name: z.string(), settings: z.string(), createdAt: z.string(), createdBy: z.string(), lastSeenAt: z.string().nullable() });
const listSchema = z.object({ items: z.array(displaySchema) });
const createdSchema = z.object({ display: displaySchema.omit({ lastSeenAt: true }), url: z.string() });
const KEY = ["admin", "displays"] as const;

async function send(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", accept: "application/json" } });
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) throw new Error((body as { error?: { message?: string } } | undefined)?.error?.message ?? `The server answered ${res.status}.`);
  return body;
}

/** Wall displays: make a link for a screen, see when each was last seen, revoke one at once. */
export function DisplaysPage() {
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
        <h1 className="text-2xl font-semibold tracking-tight">Wall displays</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          A display link signs a screen in to the wall alone, read-only, for 30 days renewed while it runs. Open it once on the screen. Revoking it stops that screen at once.
        </p>
      </div>

      <form
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-[1fr_2fr_auto] sm:items-end dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label className="flex flex-col gap-1">
          <span className="font-medium">Name</span>
          <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} placeholder="NOC wall, 2nd floor" className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Wall settings</span>
          <input value={settings} onChange={(e) => setSettings(e.target.value)} placeholder="only=attention&mask=initials&tz=Asia/Shanghai" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-700 dark:bg-slate-950" />
        </label>
        <button type="submit" disabled={create.isPending} className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white disabled:opacity-60">
          Create link
        </button>
      </form>
      {create.isError && <ErrorBox title="The display was not created." message={create.error.message} />}
      {create.data && (
        <div role="status" className="space-y-1 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950/40">
          <p className="font-medium">Link for “{create.data.display.name}”: open it once on the screen. It is shown only now.</p>
          <p className="break-all font-mono" data-display-url>
            {create.data.url}
          </p>
        </div>
      )}

      {list.isError ? (
        <ErrorBox title="Could not load the displays." message={list.error.message} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState>No displays yet.</EmptyState>
      ) : (
        <div className={tableFrame}>
          <table className="w-full text-left text-sm">
            <thead className={tableHead}>
              <tr>
                <th className="px-4 py-2.5 font-medium">Name</th>
                <th className="px-4 py-2.5 font-medium">Settings</th>
                <th className="px-4 py-2.5 font-medium">Created</th>
                <th className="px-4 py-2.5 font-medium">Last seen</th>
                <th className="px-4 py-2.5 font-medium">
                  <span className="sr-only">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {list.data?.items.map((d) => (
                <tr key={d.id} data-display={d.id}>
                  <td className="px-4 py-2 font-medium">{d.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{d.settings || "—"}</td>
                  <td className="px-4 py-2">
                    {formatDateTime(d.createdAt, timeZone)} · {d.createdBy}
                  </td>
                  <td className="px-4 py-2">{d.lastSeenAt ? formatDateTime(d.lastSeenAt, timeZone) : "never"}</td>
                  <td className="px-4 py-2 text-right">
                    <button type="button" onClick={() => revoke.mutate(d.id)} className="rounded-md border border-red-300 px-2.5 py-1 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40">
                      Revoke
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
