import { useTranslations } from "next-intl";
import type { MeetingSummary } from "@/lib/domain/wall";
import { useFormat } from "@/lib/client/use-format";
import { AttentionChips } from "./attention-chips";
import { tileFacts, WallDataAge } from "./wall-tile";

/** One meeting in a line, for a wall with more meetings than whole tiles fit: subject, head count, hands, why it needs attention, and the age of its data. */
export function WallRow({ m, now }: { m: MeetingSummary; now: number }) {
  const t = useTranslations("wall");
  const f = useFormat();
  const { urgent, present } = tileFacts(m);
  return (
    <article
      data-wall-tile={m.conferenceID}
      data-wall-row
      data-attention={m.attention.join(" ")}
      // Drawn larger (--wall-row-scale) when a few rows would leave the screen half empty; lib/wall/layout works out how much.
      style={{ fontSize: "calc(var(--wall-row-scale, 1) * 1em)" }}
      className={`flex h-[2.6em] min-w-0 items-center gap-[0.6em] overflow-hidden rounded-[0.4em] border-[0.12em] px-[0.6em] ${urgent ? "border-amber-400 bg-amber-950/40 light:bg-amber-50" : "border-slate-700 bg-slate-900 light:border-slate-300 light:bg-white"}`}
    >
      {/* The subject keeps at least a third of the row; the reasons take what is left on one line. */}
      <h2 className="min-w-[40%] flex-1 truncate text-[1.1em] font-semibold">{m.subject}</h2>
      {m.attention.length > 0 && (
        <div className="min-w-[4em] max-w-[35%] shrink overflow-hidden text-[0.8em]">
          <AttentionChips reasons={m.attention} oneLine />
        </div>
      )}
      <span className="shrink-0 text-[1.1em] font-bold tabular-nums" title={t("presentLabel")}>
        {present === null ? "—" : f.number(present)}
        {m.present === null && present !== null && <span className="text-[0.7em] font-normal text-slate-400 light:text-slate-600"> {t("listed")}</span>}
      </span>
      {(m.hands ?? 0) > 0 && (
        <span className="shrink-0 text-[1.1em] font-bold tabular-nums text-amber-300 light:text-amber-700">
          {f.number(m.hands!)} <span className="text-[0.7em] font-normal">{t("handsShort")}</span>
        </span>
      )}
      <WallDataAge m={m} now={now} className="w-[7em] shrink-0 truncate text-right text-[0.8em]" />
    </article>
  );
}
