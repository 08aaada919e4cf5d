import { useTranslations } from "next-intl";

const LINK = "rounded-md border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/** The CSV and Excel downloads of what a page shows; `compact` where they sit in a heading's line. */
export function DownloadLinks({ csv, xlsx, compact = false }: { csv: string; xlsx: string; compact?: boolean }) {
  const t = useTranslations("common");
  const link = `${LINK} ${compact ? "px-2 py-0.5 text-xs" : "px-3 py-1.5 text-sm"}`;
  return (
    <div className="flex gap-2">
      <a href={csv} download className={link}>
        {t("downloadCsv")}
      </a>
      <a href={xlsx} download className={link}>
        {t("downloadExcel")}
      </a>
    </div>
  );
}
