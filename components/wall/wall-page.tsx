"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { browserTimeZone } from "@/components/app/time-zone";
import { byAttention, cannotSee, needsSomeone } from "@/lib/domain/attention";
import type { MeetingSummary } from "@/lib/domain/wall";
import { useFormat } from "@/lib/client/use-format";
import { useLiveTopic } from "@/lib/client/use-live-topic";
import { useNow } from "@/lib/client/use-now";
import { wallStore } from "@/lib/live/stores";
import { paginate } from "@/lib/wall/layout";
import { PAGE_MS, viewAt } from "@/lib/wall/rotation";
import { parseWallSettings, type WallSettings } from "@/lib/wall/settings";
import { useWallArea } from "./use-wall-area";
import { WallAlerts } from "./wall-alerts";
import { WallMeetingView } from "./wall-meeting-view";
import { WallRow } from "./wall-row";
import { WallTile } from "./wall-tile";

/** How long the notice about bad URL settings stays up. */
const NOTICE_MS = 30_000;

function matches(m: MeetingSummary, s: WallSettings): boolean {
  if (s.only === "attention" && m.attention.length === 0) return false;
  if (s.ids.length && !s.ids.includes(m.conferenceID)) return false;
  const q = s.q.toLowerCase();
  return !q || [m.subject, m.hostName ?? "", m.conferenceID].some((x) => x.toLowerCase().includes(q));
}

const urgent = (m: MeetingSummary) => needsSomeone(m.attention);

/**
 * The NOC wall: every ongoing meeting as a tile (or a compact row, past what tiles fit; in pages
 * that each show every meeting needing someone, past one screen), attention first, totals on top,
 * the age of every tile's data, and a full-width banner whenever what it shows may be out of date.
 * No controls: it is set by its URL and runs unattended.
 */
export function WallPage({ simulated }: { simulated: boolean }) {
  const t = useTranslations("wall");
  const f = useFormat();
  const params = useSearchParams();
  const { settings, problems } = useMemo(() => parseWallSettings(new URLSearchParams(params.toString())), [params]);
  const [showNotice, setShowNotice] = useState(problems.length > 0);
  useEffect(() => {
    const t = setTimeout(() => setShowNotice(false), NOTICE_MS);
    return () => clearTimeout(t);
  }, []);
  const live = useLiveTopic({ topic: "wall", mask: settings.mask }, wallStore);
  const now = useNow(1_000);
  const timeZone = settings.tz ?? browserTimeZone();
  const grid = useRef<HTMLDivElement>(null);
  const area = useWallArea(grid);
  const [step, setStep] = useState(0);
  const stepMs = settings.rotate ?? PAGE_MS;
  useEffect(() => {
    const timer = setInterval(() => setStep((s) => s + 1), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);

  // A revoked display shows nothing but the banner saying so, not the last tiles it had.
  const all = useMemo(() => (live.unauthenticated ? [] : [...live.rows.values()]), [live.rows, live.unauthenticated]);
  const shown = useMemo(() => all.filter((m) => matches(m, settings)).sort(byAttention), [all, settings]);
  const layout = useMemo(() => (area ? paginate(shown, urgent, area) : { form: "tiles" as const, columns: 1, scale: 1, pages: [shown] }), [shown, area]);
  // Only meetings with a live grid rotate in; the overview already says which have none.
  const rotating = settings.rotate ? shown.filter((m) => m.present !== null).map((m) => m.conferenceID) : [];
  const view = viewAt(step, rotating, layout.pages.length);
  const page = view.kind === "overview" ? view.page : 0;
  const visible = layout.pages[page] ?? [];
  const needing = all.filter(urgent).length;
  const blind = all.filter((m) => cannotSee(m.attention)).length;
  const totals = {
    meetings: all.length,
    present: all.reduce((sum, m) => sum + (m.present ?? m.listedPresent ?? 0), 0),
    hands: all.reduce((sum, m) => sum + (m.hands ?? 0), 0),
  };

  const hasData = live.seq >= 0;
  const sinceData = live.sourceTime ? f.time(new Date(live.sourceTime).toISOString(), timeZone) : "—";
  const banner = live.unauthenticated
    ? t("signedOut")
    : !live.connected
      ? `${t("unreachable")}${hasData ? t("showingStateOf", { time: sinceData }) : ""}`
      : live.upstream === "stale"
        ? t("huaweiStale", { time: sinceData })
        : null;

  return (
    <main
      className={`${settings.theme === "light" ? "wall-light bg-slate-100 text-slate-950" : "bg-slate-950 text-slate-50"} flex h-screen cursor-none flex-col gap-[0.6em] overflow-hidden p-[0.8em]`}
      // Larger screens get more, smaller tiles: the em grows slower than the screen (20 px at 1080p, 29 px at 4K).
      style={{ fontSize: "clamp(12px, calc(0.5vw + 10px), 40px)" }}
      data-wall
    >
      <h1 className="sr-only">{t("title")}</h1>
      {banner && (
        <div role="alert" className="rounded-[0.4em] bg-red-700 px-[0.8em] py-[0.4em] text-[1.3em] font-semibold text-white" data-wall-banner>
          {banner}
        </div>
      )}
      <header className="flex items-end justify-between gap-[1em]">
        <dl className="flex gap-[2em]">
          <Total id="meetings" label={t("meetings")} value={totals.meetings} />
          <Total id="people present" label={t("present")} value={totals.present} />
          <Total id="hands up" label={t("handsUp")} value={totals.hands} />
          <Total id="need attention" label={t("needAttention")} value={needing} alert={needing > 0} />
          {blind > 0 && <Total id="no live data" label={t("cannotSee")} value={blind} />}
        </dl>
        <div className="text-right text-[1.1em] text-slate-400 light:text-slate-600">
          <div className="text-[1.6em] font-semibold tabular-nums text-slate-100 light:text-slate-900">{f.time(new Date(now).toISOString(), timeZone)}</div>
          {timeZone}
          {simulated && t("simulated")}
          {layout.pages.length > 1 && (
            <div className="font-semibold text-slate-200 light:text-slate-800" data-wall-page>
              {t("page", { page: page + 1, pages: layout.pages.length })}
            </div>
          )}
        </div>
      </header>
      <WallAlerts now={now} />
      {showNotice && (
        <p className="self-start rounded-[0.3em] bg-slate-800 px-[0.6em] py-[0.2em] text-[0.9em] text-slate-200 light:bg-slate-200 light:text-slate-800" data-wall-notice>
          {t("settingsNotice", { problems: problems.map((p) => t("problem", { setting: p.setting, value: p.value })).join("; ") })}
        </p>
      )}
      {view.kind === "meeting" && (
        <WallMeetingView
          key={view.conferenceID}
          conferenceID={view.conferenceID}
          mask={settings.mask}
          attention={shown.find((m) => m.conferenceID === view.conferenceID)?.attention ?? []}
          now={now}
          timeZone={timeZone}
        />
      )}
      <div
        ref={grid}
        hidden={view.kind === "meeting"}
        className="grid min-h-0 flex-1 content-start gap-[0.6em] overflow-hidden"
        style={{ gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`, ...(layout.scale > 1 ? { "--wall-row-scale": layout.scale } : {}) } as React.CSSProperties}
        data-wall-form={layout.form}
      >
        {visible.map((m) => (layout.form === "tiles" ? <WallTile key={m.conferenceID} m={m} now={now} timeZone={timeZone} /> : <WallRow key={m.conferenceID} m={m} now={now} />))}
        {hasData && !live.unauthenticated && shown.length === 0 && <p className="col-span-full text-[1.5em] text-slate-400">{all.length ? t("noMatch") : t("noMeetings")}</p>}
        {!hasData && <p className="col-span-full text-[1.5em] text-slate-400">{t("connecting")}</p>}
      </div>
    </main>
  );
}

function Total({ id, label, value, alert }: { id: string; label: string; value: number; alert?: boolean }) {
  const f = useFormat();
  return (
    <div>
      <dd className={`text-[2.6em] font-bold tabular-nums leading-none ${alert ? "text-amber-300 light:text-amber-700" : ""}`} data-wall-total={id}>
        {f.number(value)}
      </dd>
      <dt className="text-[1em] uppercase tracking-wide text-slate-400 light:text-slate-600">{label}</dt>
    </div>
  );
}
