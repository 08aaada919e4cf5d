import Link from "next/link";

interface Props {
  title: React.ReactNode;
  /** A link back up ("← Ongoing meetings"). */
  back?: { href: string; label: string };
  /** A line under the title: counts, who, when. */
  subtitle?: React.ReactNode;
  /** What sits at the right: the data's age, a search, downloads. */
  actions?: React.ReactNode;
}

/** The top of every desk page: one h1, an optional way back, a line of context and the page's actions. */
export function PageHeader({ title, back, subtitle, actions }: Props) {
  return (
    <div className="space-y-1">
      {back && (
        <Link href={back.href} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          {back.label}
        </Link>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
          {subtitle && <div className="text-sm break-words text-slate-600 dark:text-slate-300">{subtitle}</div>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-3">{actions}</div>}
      </div>
    </div>
  );
}
