import { useTranslations } from "next-intl";
import { cannotSee } from "@/lib/domain/attention";
import type { AttentionReason } from "@/lib/domain/wall";

/**
 * Why a meeting needs attention, as the wall says it on its tile and in its live grid. What needs
 * a person is amber; what only says the dashboard cannot see the meeting is grey, so the two are
 * never read as one.
 */
export function AttentionChips({ reasons, oneLine = false }: { reasons: readonly AttentionReason[]; oneLine?: boolean }) {
  const t = useTranslations("attention");
  return (
    <ul className={`flex min-w-0 gap-[0.3em] ${oneLine ? "flex-nowrap overflow-hidden whitespace-nowrap" : "flex-wrap"}`} aria-label={t("label")}>
      {reasons.map((r) => (
        <li
          key={r}
          data-reason={r}
          title={t(r)}
          className={`${oneLine ? "min-w-[3em] truncate" : ""} rounded-[0.3em] px-[0.4em] font-semibold ${cannotSee([r]) ? "bg-slate-600 text-white light:bg-slate-300 light:text-slate-900" : "bg-amber-400 text-slate-950"}`}
        >
          {t(r)}
        </li>
      ))}
    </ul>
  );
}
