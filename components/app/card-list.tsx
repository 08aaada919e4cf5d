import Link from "next/link";

export interface Card {
  key: string;
  /** Where the card's title leads; a card without one shows its title as text. */
  href: string | null;
  title: string;
  badge?: React.ReactNode;
  lines: React.ReactNode[];
}

/** A table's rows as cards on a phone (hidden from `sm` up, where the table shows instead). */
export function CardList({ label, cards }: { label: string; cards: Card[] }) {
  return (
    <ul className="space-y-2 sm:hidden" aria-label={label}>
      {cards.map((c) => (
        <li key={c.key} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {c.href ? (
            <Link href={c.href} className="font-medium break-words text-sky-700 hover:underline dark:text-sky-400">
              {c.title}
            </Link>
          ) : (
            <span className="font-medium break-words">{c.title}</span>
          )}
          {c.badge}
          {c.lines.map((line, i) => (
            <p key={i} className="text-sm break-words text-slate-700 tabular-nums dark:text-slate-300">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}
