"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useTimeZone } from "@/components/app/time-zone";
import type { Participant, ParticipantChange } from "@/lib/domain/participant";
import { participantChangesQuery } from "@/lib/client/queries/meetings";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { QualitySeries } from "./quality-series";

/**
 * One person's details, as Webex's troubleshooting view shows them: their state now, who they
 * are, how they joined, and every change the dashboard has seen since it began watching, newest
 * first. Beside the list on a desk, a sheet on a phone; Escape, Back or the button closes it.
 */
/** `flags`: the person's mute, hand, camera and sharing are known (not so for presence alone). */
export function ParticipantDetails({ conferenceID, p, speaking, flags, qualityDetail, onClose }: { conferenceID: string; p: Participant; speaking: boolean; flags: boolean; qualityDetail: boolean; onClose: () => void }) {
  const t = useTranslations("details");
  const tp = useTranslations("participants");
  const tq = useTranslations("quality");
  const f = useFormat();
  const [timeZone] = useTimeZone();
  const errorMessage = useErrorMessage();
  const changes = useQuery(participantChangesQuery(conferenceID, p.pid));
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const now: string[] = flags
    ? [
        tp(p.muted ? "stateMuted" : "stateUnmuted"),
        ...(p.handRaised ? [p.handRaisedAt ? tp("stateHandSince", { time: f.time(p.handRaisedAt, timeZone) }) : tp("stateHand")] : []),
        ...(p.videoSite ? [p.camera === null ? t("cameraUnknown") : tp(p.camera ? "stateCameraOn" : "stateCameraOff")] : [tp("audioOnly")]),
        ...(p.sharing ? [tp("stateSharing")] : []),
      ]
    : [tp("flagsMissing")];
  now.push(
    ...(speaking ? [tp("speaking")] : []),
    ...(p.quality ? [tq(p.quality.level)] : []),
  );
  const facts: [string, React.ReactNode][] = [
    [t("number"), p.number ? <span className="font-mono">{p.number}</span> : "—"],
    [t("account"), p.account ?? "—"],
    [t("device"), p.device ? tp("device", { type: p.device }) : "—"],
    [t("joinedAt"), f.dateTime(p.joinedAt, timeZone)],
    [t("role"), t("roleValue", { role: p.role })],
  ];
  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="participant-details-name"
      className="fixed inset-x-0 bottom-0 z-20 max-h-[80vh] overflow-y-auto rounded-t-xl border border-slate-300 bg-white p-4 shadow-2xl lg:static lg:max-h-[calc(100vh-2rem)] lg:rounded-lg lg:shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-participant-details={p.pid}
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id="participant-details-name" className="text-lg font-semibold break-words">
          {p.name}
        </h2>
        <button ref={closeButton} type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm dark:border-slate-600">
          {t("close")}
        </button>
      </div>
      <ul className="mt-2 flex flex-wrap gap-1.5 text-sm" aria-label={t("now")} data-person-state>
        {now.map((s) => (
          <li key={s} className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">
            {s}
          </li>
        ))}
      </ul>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {qualityDetail && <QualitySeries conferenceID={conferenceID} pid={p.pid} />}
      <h3 className="mt-5 text-sm font-semibold">{t("changes")}</h3>
      {changes.isError ? (
        <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errorMessage(changes.error)}</p>
      ) : !changes.data ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("loading")}</p>
      ) : changes.data.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("noChanges")}</p>
      ) : (
        <ol className="mt-1 space-y-1 text-sm" data-changes>
          {[...changes.data].reverse().map((c, i) => (
            <li key={`${c.at}-${c.field}-${i}`} className="flex gap-3">
              <time dateTime={c.at} className="shrink-0 tabular-nums text-slate-600 dark:text-slate-400">
                {f.time(c.at, timeZone)}
              </time>
              <span>{describe(c, t)}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">{t("since")}</p>
    </aside>
  );
}

function describe(c: ParticipantChange, t: ReturnType<typeof useTranslations<"details">>): string {
  if (c.field === "role") return t("roleChanged", { role: String(c.value) });
  if (c.field === "camera" && c.value === null) return t("cameraUnknown");
  return t("change", { field: c.field, value: String(c.value) });
}
