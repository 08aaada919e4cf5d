"use client";

import { useState } from "react";
import type { UnavailableReason } from "@/lib/domain/participant";
import { postJson } from "@/lib/client/api";

const WHY: Record<UnavailableReason, string> = {
  host_password_withheld: "Huawei does not give this account the host password of this meeting, and Huawei's live participant data needs it.",
  host_password_refused: "Huawei refused the host password the dashboard had for this meeting; it may have been changed.",
};

/** Why a meeting has no live grid, and, for an admin or the meeting's host, a way to give the host password. */
export function UnavailablePanel({ conferenceID, reason, mayEnterHostPassword }: { conferenceID: string; reason: UnavailableReason | null; mayEnterHostPassword: boolean }) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm dark:border-slate-700 dark:bg-slate-900" data-unavailable={reason ?? "unknown"}>
      <p className="font-semibold">No live participant data for this meeting.</p>
      <p>{reason ? WHY[reason] : "Huawei's live data for this meeting cannot be read."}</p>
      <p className="text-slate-600 dark:text-slate-300">The meeting&apos;s details and invitees on this page still come from Huawei and stay up to date; the dashboard tries again every minute.</p>
      {mayEnterHostPassword ? (
        <HostPasswordForm conferenceID={conferenceID} />
      ) : (
        <p className="text-slate-600 dark:text-slate-300">An admin or the meeting&apos;s host can enter the host password on this page to start live data.</p>
      )}
    </div>
  );
}

type Sent = { kind: "idle" } | { kind: "sending" } | { kind: "accepted" } | { kind: "error"; message: string };

function HostPasswordForm({ conferenceID }: { conferenceID: string }) {
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
      (error: Error) => setSent({ kind: "error", message: error.message }),
    );
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Host password of this meeting</span>
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
          {sent.kind === "sending" ? "Checking with Huawei…" : "Start live data"}
        </button>
      </div>
      {sent.kind === "error" && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {sent.message}
        </p>
      )}
      {sent.kind === "accepted" && <p role="status">Huawei accepted the password: connecting to the live data…</p>}
      <p className="text-xs text-slate-600 dark:text-slate-400">It goes to the dashboard server only and is kept in memory for this meeting; it is never shown again.</p>
    </form>
  );
}
