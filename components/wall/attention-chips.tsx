import type { AttentionReason } from "@/lib/domain/wall";

const REASON: Record<AttentionReason, string> = {
  no_host: "No host present",
  hand_waiting: "Hand waiting",
  overrun: "Past its end",
  headcount_drop: "People dropping out",
  live_data_unavailable: "No live data",
  live_data_stale: "Data stale",
};

/** Why a meeting needs attention, as the wall says it on its tile and in its live grid. */
export function AttentionChips({ reasons }: { reasons: readonly AttentionReason[] }) {
  return (
    <ul className="flex min-w-0 flex-wrap gap-[0.3em]" aria-label="Needs attention">
      {reasons.map((r) => (
        <li key={r} className="rounded-[0.3em] bg-amber-400 px-[0.4em] font-semibold text-slate-950">
          {REASON[r]}
        </li>
      ))}
    </ul>
  );
}
