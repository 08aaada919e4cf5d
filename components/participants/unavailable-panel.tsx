"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { UnavailableReason } from "@/lib/domain/participant";
import { postJson } from "@/lib/client/api";
import { useErrorMessage } from "@/lib/client/use-error-message";

/**
 * Why a meeting has no live grid (or, with `presence`, a grid of who is present only), and, for an
 * admin or the meeting's host, a way to give the host password.
 */
export function UnavailablePanel({ conferenceID, reason, mayEnterHostPassword, presence }: { conferenceID: string; reason: UnavailableReason | null; mayEnterHostPassword: boolean; presence: boolean }) {
  const t = useTranslations("unavailable");
  return (
    <div className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm dark:border-slate-700 dark:bg-slate-900" data-unavailable={reason ?? "unknown"} data-presence={presence}>
      <p className="font-semibold">{t(presence ? "presenceTitle" : "title")}</p>
      <p>{t(reason ?? "unknown")}</p>
      <p className="text-slate-700 dark:text-slate-300">{t(presence ? "presenceMissing" : "stillUpdating")}</p>
      {mayEnterHostPassword ? (
        <HostPasswordForm conferenceID={conferenceID} />
      ) : (
        <p className="text-slate-700 dark:text-slate-300">{t("askHost")}</p>
      )}
    </div>
  );
}

type Sent = { kind: "idle" } | { kind: "sending" } | { kind: "accepted" } | { kind: "error"; message: string };

function HostPasswordForm({ conferenceID }: { conferenceID: string }) {
  const t = useTranslations("unavailable");
  const errorMessage = useErrorMessage();
  const [password, setPassword] = useState("");
  const [sent, setSent] = useState<Sent>({ kind: "idle" });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSent({ kind: "sending" });
    postJson(`/api/meetings/${encodeURIComponent(conferenceID)}/host-password`, { password }).then(
      () => {
        setPassword("");
        setSent({ kind: "accepted" });
      },
      (error: unknown) => setSent({ kind: "error", message: errorMessage(error) }),
    );
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("passwordLabel")}</span>
          <input
            type="password"
            name="host-password"
            autoComplete="off"
            required
            maxLength={64}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="w-56 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        <button type="submit" disabled={sent.kind === "sending" || !password} className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white disabled:opacity-60">
          {sent.kind === "sending" ? t("checking") : t("start")}
        </button>
      </div>
      {sent.kind === "error" && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {sent.message}
        </p>
      )}
      {sent.kind === "accepted" && <p role="status">{t("accepted")}</p>}
      <p className="text-xs text-slate-700 dark:text-slate-400">{t("keptPrivate")}</p>
    </form>
  );
}
