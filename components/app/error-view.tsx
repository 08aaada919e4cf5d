"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { HomeLink, problemAction, ProblemPage } from "./problem-page";

/** What a page that threw shows: said plainly, with a retry; the details go to the console only. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pages");
  useEffect(() => console.error(error), [error]);
  return (
    <ProblemPage title={t("errorTitle")} body={t("errorBody")}>
      <button type="button" onClick={reset} className={problemAction}>
        {t("reload")}
      </button>
      <HomeLink label={t("home")} />
    </ProblemPage>
  );
}
