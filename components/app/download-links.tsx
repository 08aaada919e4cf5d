import { useTranslations } from "next-intl";

const link = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/** The CSV and Excel downloads of what a page shows. */
export function DownloadLinks({ csv, xlsx }: { csv: string; xlsx: string }) {
  const t = useTranslations("common");
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
