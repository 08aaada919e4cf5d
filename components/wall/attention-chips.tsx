import { useTranslations } from "next-intl";
import type { AttentionReason } from "@/lib/domain/wall";

/** Why a meeting needs attention, as the wall says it on its tile and in its live grid. */
export function AttentionChips({ reasons }: { reasons: readonly AttentionReason[] }) {
  const t = useTranslations("attention");
  return (
    <ul className="flex min-w-0 flex-wrap gap-[0.3em]" aria-label={t("label")}>
      {reasons.map((r) => (
        <li key={r} className="rounded-[0.3em] bg-amber-400 px-[0.4em] font-semibold text-slate-950">
          {t(r)}
        </li>
      ))}
    </ul>
  );
}
