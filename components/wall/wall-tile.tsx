import { useTranslations } from "next-intl";
import type { MeetingSummary } from "@/lib/domain/wall";
import { needsSomeone } from "@/lib/domain/attention";
import { useFormat } from "@/lib/client/use-format";
import { AttentionChips } from "./attention-chips";

/** One meeting, readable from across the room: everything on the tile, nothing behind a hover. Its `h-[11em]` is lib/wall/layout's TILE. */
export function WallTile({ m, now, timeZone }: { m: MeetingSummary; now: number; timeZone: string }) {
  const t = useTranslations("wall");
  const f = useFormat();
  const n = (v: number | null) => (v === null ? "—" : f.number(v));
  const { urgent, present } = tileFacts(m);
  return (
    <article
      data-wall-tile={m.conferenceID}
      data-attention={m.attention.join(" ")}
      className={`flex h-[11em] flex-col justify-between overflow-hidden rounded-[0.6em] border-[0.15em] p-[0.7em] ${urgent ? "border-amber-400 bg-amber-950/40 light:bg-amber-50" : "border-slate-700 bg-slate-900 light:border-slate-300 light:bg-white"}`}
    >
      <div className="min-w-0">
        <h2 className="truncate text-[1.35em] font-semibold leading-tight">{m.subject}</h2>
        <p className="truncate text-[0.95em] text-slate-300 light:text-slate-600">
          {m.hostName ?? "—"} · {t("started", { time: f.time(m.startTime, timeZone) })} · {m.startTime ? f.duration(now - Date.parse(m.startTime)) : "—"}
          {m.recording && <RecMark />}
        </p>
        <QualityLine m={m} />
      </div>
      <dl className="grid grid-cols-[1.7fr_1fr_1fr_1fr] gap-[0.4em] text-center">
        <Figure label={t("presentLabel")} value={`${n(present)}${m.invited !== null ? ` / ${n(m.invited)}` : ""}`} note={m.present === null && present !== null ? t("listed") : undefined} />
        <Figure label={t("muted")} value={n(m.muted)} />
        <Figure label={t("handsUp")} value={n(m.hands)} strong={(m.hands ?? 0) > 0} />
        <Figure label={t("camera")} value={n(m.camera)} />
      </dl>
      <div className="flex items-center justify-between gap-[0.5em] text-[0.9em]">
        <AttentionChips reasons={m.attention} />
        <WallDataAge m={m} now={now} className="shrink-0" />
      </div>
    </article>
  );
}

/** What a tile and a compact row both show of a meeting: whether it needs someone, and its head count (the list's while no live one). */
export function tileFacts(m: MeetingSummary): { urgent: boolean; present: number | null } {
  return { urgent: needsSomeone(m.attention), present: m.present ?? m.listedPresent };
}

/** How old a meeting's data is, red when stale. */
export function WallDataAge({ m, now, className }: { m: MeetingSummary; now: number; className: string }) {
  const t = useTranslations("wall");
  const f = useFormat();
  const stale = m.upstream === "stale";
  return (
    <span className={`${className} ${stale ? "font-semibold text-red-400 light:text-red-700" : "text-slate-400 light:text-slate-600"}`} data-age>
      {/* A live push socket that answers heartbeats and sends nothing means nothing changed: the data is current. */}
      {m.upstream === "live" ? t("live") : `${stale ? t("stale") : ""}${t("dataAge", { age: f.age(Math.max(0, now - m.sourceTime)) })}`}
    </span>
  );
}

/** Which quality alarms Huawei raised and for how many people, in words; nothing where there are none or quality cannot be had. */
function QualityLine({ m }: { m: MeetingSummary }) {
  const t = useTranslations("health");
  const h = m.health;
  const alarms = h ? (["audio", "video", "screen", "cpu"] as const).filter((k) => h[k]) : [];
  if (!h || alarms.length === 0) return null;
  return (
    <p className="truncate text-[0.9em] font-semibold text-amber-300 light:text-amber-800" data-wall-health>
      {t("column")}: {alarms.map((k) => t(k)).join(" · ")}
      {h.affected !== null && ` · ${t("affected", { count: h.affected })}`}
    </p>
  );
}

function RecMark() {
  const t = useTranslations("common");
  return <span className="ml-[0.5em] font-semibold text-red-400 light:text-red-700">● {t("rec")}</span>;
}

function Figure({ label, value, strong, note }: { label: string; value: string; strong?: boolean; note?: string }) {
  return (
    <div>
      <dd className={`whitespace-nowrap text-[1.6em] font-bold tabular-nums leading-none ${strong ? "text-amber-300 light:text-amber-700" : ""}`}>{value}</dd>
      <dt className="whitespace-nowrap text-[0.8em] uppercase tracking-wide text-slate-400 light:text-slate-600">
        {label}
        {note && ` (${note})`}
      </dt>
    </div>
  );
}
