import { useTranslations } from "next-intl";
import type { MeetingHealth } from "@/lib/domain/quality";

const KINDS = ["audio", "video", "screen", "cpu"] as const;

/**
 * A meeting's health in words, not colour alone: which of audio, video, screen and CPU Huawei
 * raised an alarm for, and how many people had one; "no alarms" when none; a dash where quality
 * cannot be had.
 */
export function HealthMarks({ health }: { health: MeetingHealth | null }) {
  const t = useTranslations("health");
  if (!health) return <span data-health="unknown">—</span>;
  const alarms = KINDS.filter((k) => health[k]);
  if (alarms.length === 0) return <span data-health="good" className="text-xs text-emerald-800 dark:text-emerald-300">{t("noAlarms")}</span>;
  return (
    <span data-health="alarm" className="inline-flex flex-wrap items-center gap-1" title={t("since")}>
      {alarms.map((k) => (
        <span key={k} className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
          {t(k)}
        </span>
      ))}
      {health.affected !== null && <span className="text-xs text-slate-700 dark:text-slate-300">{t("affected", { count: health.affected })}</span>}
    </span>
  );
}
