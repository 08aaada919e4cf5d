"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { qualityStatusQuery } from "@/lib/client/queries/quality";

/** Said once, plainly, where Huawei refuses quality data: what is missing and why; the health column is then not shown. */
export function QualityOffNotice() {
  const t = useTranslations("health");
  const { data } = useQuery(qualityStatusQuery());
  if (data?.reason !== "forbidden") return null;
  return (
    <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200" data-quality-off>
      {t("off")}
      {data.message && ` ${t("huaweiSaid", { message: data.message })}`}
    </p>
  );
}
