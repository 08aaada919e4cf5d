import { useTranslations } from "next-intl";

const KNOWN = ["Voice", "Video", "HDVideo", "Data"] as const;
const isKnown = (m: string): m is (typeof KNOWN)[number] => (KNOWN as readonly string[]).includes(m);

export function MediaBadges({ mediaTypes }: { mediaTypes: string[] }) {
  const t = useTranslations("media");
  return (
    <span className="flex flex-wrap gap-1">
      {mediaTypes.map((m) => (
        <span key={m} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          {isKnown(m) ? t(m) : m}
        </span>
      ))}
    </span>
  );
}
