"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { z } from "zod";
import { SearchInput } from "@/components/app/ui";
import { PRESENT_PEOPLE_MIN_CHARS, presentPeopleQuery } from "@/lib/client/queries/present-people";
import { useErrorMessage } from "@/lib/client/use-error-message";
import { useFormat } from "@/lib/client/use-format";
import { useUrlState } from "@/lib/client/use-url-state";

/** More hits than this are for a search that needs more letters, not for a longer list. */
const SHOWN = 20;

const findSchema = z.object({ who: z.string().max(64).default("") });

/** "Which meeting is Bob in?": a person's name, pinyin, number or account, across every ongoing meeting one may see. */
export function FindPerson() {
  const t = useTranslations("findPerson");
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [{ who }, setUrl] = useUrlState(findSchema);
  const [typed, setTyped] = useState(who);
  const q = useDeferredValue(typed.trim());
  const query = useQuery(presentPeopleQuery(q));
  const data = q.length >= PRESENT_PEOPLE_MIN_CHARS ? query.data : undefined;
  return (
    <section aria-label={t("label")} className="space-y-2">
      <SearchInput
        value={typed}
        onChange={(v) => {
          setTyped(v);
          setUrl({ who: v.trim() });
        }}
        label={t("label")}
        className="w-full sm:w-96"
      />
      {q.length >= PRESENT_PEOPLE_MIN_CHARS && (
        <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900" aria-live="polite" data-find-person>
          {query.isError && !data ? (
            <p className="text-red-700 dark:text-red-400">{errorMessage(query.error)}</p>
          ) : !data ? (
            <p className="text-slate-600 dark:text-slate-400">{t("searching")}</p>
          ) : (
            <>
              {data.items.length === 0 ? (
                <p>{t("nobody", { q: data.q })}</p>
              ) : (
                <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                  {data.items.slice(0, SHOWN).map((p, i) => (
                    <li key={`${p.conferenceID}-${p.name}-${p.number}-${i}`} className="flex flex-wrap items-baseline gap-x-2 py-1.5" data-found={p.conferenceID}>
                      <span className="font-medium">{p.name}</span>
                      {(p.account || p.number) && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{p.account ?? p.number}</span>}
                      <span>{t("in")}</span>
                      <Link href={`/meetings/${p.conferenceID}`} className="text-sky-700 hover:underline dark:text-sky-400">
                        {p.subject}
                      </Link>
                      <span className="text-slate-600 dark:text-slate-400">
                        {[p.role !== "participant" && t("role", { role: p.role }), p.muted !== null && (p.muted ? t("muted") : t("unmuted")), p.handRaised && t("handUp")].filter(Boolean).join(" · ")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {data.items.length > SHOWN && <p className="mt-1">{t("more", { count: f.number(data.items.length - SHOWN) })}</p>}
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                {data.searched < data.meetings ? t("searchedSome", { searched: f.number(data.searched), meetings: f.number(data.meetings) }) : t("searchedAll", { meetings: f.number(data.meetings) })}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
