import { useTranslations } from "next-intl";

export function SimulatedBadge() {
  const t = useTranslations("common");
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-amber-400 bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-900/50 dark:text-amber-200"
      title={t("simulatedHint")}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-amber-500" />
      {t("simulated")}
    </span>
  );
}
