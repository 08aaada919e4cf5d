import { useTranslations } from "next-intl";
import type { ParticipantQuality, QualityLevel } from "@/lib/domain/quality";
import { useFormat } from "@/lib/client/use-format";
import { useNow } from "@/lib/client/use-now";

/**
 * A person's connection when it is not good, in words and a shape as well as a colour (poor: one
 * bar, bad: a cross), with the figures and their age on hover and for screen readers.
 */
export function QualityMark({ quality }: { quality: ParticipantQuality }) {
  const t = useTranslations("quality");
  const f = useFormat();
  const now = useNow(15_000);
  const figures = t("figures", {
    latency: quality.latencyMs === null ? "—" : f.number(quality.latencyMs),
    jitter: quality.jitterMs === null ? "—" : f.number(quality.jitterMs),
    loss: quality.lossPercent === null ? "—" : f.number(quality.lossPercent),
    age: f.age(Math.max(0, now - Date.parse(quality.at))),
  });
  return <QualityLevelMark level={quality.level} details={figures} />;
}

/** The mark alone (a replay knows the level, not the figures); `details` go to the hover and screen readers. */
export function QualityLevelMark({ level, details }: { level: QualityLevel; details?: string }) {
  const t = useTranslations("quality");
  const bad = level === "bad";
  return (
    <span
      title={details}
      aria-label={details ? `${t(level)}: ${details}` : t(level)}
      data-quality={level}
      className={`rounded px-1.5 py-0.5 text-xs font-semibold ${bad ? "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100" : "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"}`}
    >
      {bad ? "✕ " : "▮ "}
      {t(`short.${level}`)}
    </span>
  );
}
