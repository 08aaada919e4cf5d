import { numberFormat } from "@/lib/client/format";

/** "51–100 of 1,200" with previous and next; shown only when there is more than one page. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  if (total <= pageSize) return null;
  const pages = Math.ceil(total / pageSize);
  const button = "rounded-md border border-slate-300 px-3 py-1.5 disabled:opacity-40 dark:border-slate-700";
  return (
    <nav className="flex items-center justify-between text-sm" aria-label="Pages">
      <span className="text-slate-500">
        {numberFormat.format(page * pageSize + 1)}–{numberFormat.format(Math.min(total, (page + 1) * pageSize))} of {numberFormat.format(total)}
      </span>
      <span className="flex gap-2">
        <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)} className={button}>
          Previous
        </button>
        <span className="px-2 py-1.5">
          Page {page + 1} of {pages}
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)} className={button}>
          Next
        </button>
      </span>
    </nav>
  );
}
