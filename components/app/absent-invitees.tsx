import type { Attendee } from "@/lib/domain/meeting";

/** Invitees who are not (or were not) there, folded: the live page's "not here", a past meeting's "did not come". */
export function AbsentInvitees({ summary, label, invitees, dataAttr }: { summary: string; label: string; invitees: Attendee[]; dataAttr?: string }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3" aria-label={label} {...(dataAttr ? { [dataAttr]: "" } : {})}>
        {invitees.map((a, i) => (
          <li key={`${a.accountId ?? a.phone ?? a.name}-${i}`} className="break-words text-slate-700 dark:text-slate-300">
            {a.name}
            {a.department && <span className="text-slate-600 dark:text-slate-400"> · {a.department}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
