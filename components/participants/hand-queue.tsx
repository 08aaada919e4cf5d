"use client";

import { useTranslations } from "next-intl";
import { useTimeZone } from "@/components/app/time-zone";
import type { Participant } from "@/lib/domain/participant";
import { useFormat } from "@/lib/client/use-format";
import { useNow } from "@/lib/client/use-now";
import { HandIcon } from "./icons";

/** The queue shows this many; the rest are one click away, so it never pushes the grid off the screen. */
const SHOWN = 5;

/**
 * Raised hands, first raised first. Huawei does not say when a hand went up: a hand seen going up
 * shows how long it has waited; one already up when watching began says "raised before" that time.
 */
export function HandQueue({ queue, onShowAll }: { queue: Participant[]; onShowAll: () => void }) {
  const t = useTranslations("participants");
  const f = useFormat();
  const now = useNow();
  const [timeZone] = useTimeZone();
  const more = queue.length - SHOWN;
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950/30" aria-label={t("queueLabel")}>
      <h3 className="mb-2 flex items-center gap-1.5 text-sm font-semibold">
        <HandIcon /> {t("queue", { count: f.number(queue.length) })}
      </h3>
      <ol className="flex flex-wrap gap-2 text-sm">
        {queue.slice(0, SHOWN).map((p, i) => (
          <li key={p.pid} className="rounded-md bg-white px-2 py-1 shadow-sm dark:bg-slate-900" data-hand-pid={p.pid}>
            <span className="tabular-nums text-slate-600 dark:text-slate-400">{i + 1}.</span> {p.name}{" "}
            <span className="text-xs text-slate-700 dark:text-slate-300">
              {p.handRaisedAt &&
                (p.handRaisedBefore ? t("raisedBefore", { time: f.time(p.handRaisedAt, timeZone) }) : t("waiting", { duration: f.duration(now - Date.parse(p.handRaisedAt)) }))}
            </span>
          </li>
        ))}
        {more > 0 && (
          <li>
            <button type="button" onClick={onShowAll} className="rounded-md px-2 py-1 font-medium text-amber-900 underline dark:text-amber-200">
              {t("more", { count: f.number(more) })}
            </button>
          </li>
        )}
      </ol>
    </section>
  );
}
