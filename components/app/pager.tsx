"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/client/use-format";

/** "51–100 of 1,200" with previous and next; shown only when there is more than one page. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const t = useTranslations("pager");
  const f = useFormat();
  if (total <= pageSize) return null;
  const pages = Math.ceil(total / pageSize);
  const button = "rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-40 dark:border-slate-600";
  return (
    <nav className="flex flex-wrap items-center justify-between gap-2 text-sm" aria-label={t("label")}>
      <span className="text-slate-600 dark:text-slate-300">{t("range", { from: f.number(page * pageSize + 1), to: f.number(Math.min(total, (page + 1) * pageSize)), total: f.number(total) })}</span>
      <span className="flex items-center gap-2">
        <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)} className={button}>
          {t("previous")}
        </button>
        <span className="px-2 py-1.5">{t("page", { page: page + 1, pages })}</span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)} className={button}>
          {t("next")}
        </button>
      </span>
    </nav>
  );
}
