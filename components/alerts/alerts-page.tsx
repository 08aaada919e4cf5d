"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/app/page-header";
import { EmptyState, ErrorBox } from "@/components/app/ui";
import { alertsQuery } from "@/lib/client/queries/alerts";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useNow } from "@/lib/client/use-now";
import { AlertCard } from "./alert-card";
import { ChannelsSection } from "./channels-section";
import { RulesSection } from "./rules-section";

/** What fires, what fired and what each message did; an admin's channels; the viewer's rules. */
export function AlertsPage({ role }: { role: "admin" | "host" }) {
  const t = useTranslations("alerts");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const now = useNow(5_000);
  const list = useQuery(alertsQuery());
  const data = list.data;
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        subtitle={
          <>
            <p>{role === "admin" ? t("intro") : t("introHost")}</p>
            {data && <p data-evaluated>{data.evaluatedAt ? t("evaluated", { age: f.age(now - Date.parse(data.evaluatedAt)) }) : t("notEvaluated")}</p>}
          </>
        }
      />
      {list.isError && <ErrorBox title={t("title")} message={errorMessage(list.error)} />}

      <section className="space-y-3" aria-labelledby="firing-heading">
        <h2 id="firing-heading" className="text-lg font-semibold">
          {t("firing", { count: data?.firing.length ?? 0 })}
        </h2>
        {data && data.unwatched.length > 0 && (
          <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-200">
            <p>{t("unwatched", { count: data.unwatched.length })}</p>
            <ul className="mt-1 list-inside list-disc">
              {data.unwatched.slice(0, 10).map((u) => (
                <li key={u.conferenceID} className="break-words">
                  {u.subject} ({u.conferenceID}): {t("why", { why: u.why })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {data?.firing.length === 0 ? (
          <EmptyState>{t("noneFiring")}</EmptyState>
        ) : (
          <ul className="grid gap-2 lg:grid-cols-2" aria-label={t("firing", { count: data?.firing.length ?? 0 })} data-firing>
            {data?.firing.map((a) => <AlertCard key={a.id} alert={a} now={now} actions />)}
          </ul>
        )}
      </section>

      <section className="space-y-3" aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {t("recent")}
        </h2>
        {data?.recent.length === 0 ? (
          <EmptyState>{t("noneRecent")}</EmptyState>
        ) : (
          <ul className="grid gap-2 lg:grid-cols-2" aria-label={t("recent")} data-recent>
            {data?.recent.map((a) => <AlertCard key={a.id} alert={a} now={now} actions />)}
          </ul>
        )}
      </section>

      {role === "admin" && <ChannelsSection />}
      <RulesSection role={role} />
    </div>
  );
}
