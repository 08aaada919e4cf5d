import { getTranslations } from "next-intl/server";

/** Shown while a desk page's server part renders (its data then streams in on the client). */
export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" className="space-y-3">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
