import { SortHeader } from "./sort-header";
import type { SortDir } from "@/lib/domain/meeting-order";

export interface Column<T, K extends string = string> {
  key: string;
  header: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  /** Makes the header a sort button for this key. */
  sort?: { column: K; firstDir?: SortDir; title?: string };
  align?: "left" | "right";
  className?: string;
}

export interface Sorting<K extends string> {
  sort: K;
  dir: SortDir;
  onSort: (column: K, dir: SortDir) => void;
}

interface Props<T, K extends string> {
  label: string;
  columns: Column<T, K>[];
  rows: T[];
  /** A row's React key; the index tells apart rows that are otherwise the same (namesakes without an account). */
  rowKey: (row: T, index: number) => string;
  sorting?: Sorting<K>;
  /** Extra classes of the frame (`hidden sm:block` where cards stand in on phones, a max height…). */
  frameClassName?: string;
  rowProps?: (row: T) => Record<`data-${string}`, string>;
}

/**
 * Every table of the desk pages: framed, scrolling within itself (focusable, so the keyboard can
 * scroll it), header cells that sort where a column says so, `aria-sort` on the sorted one.
 */
export function DataTable<T, K extends string>({ label, columns, rows, rowKey, sorting, frameClassName = "", rowProps }: Props<T, K>) {
  return (
    <div className={`overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${frameClassName}`} tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            {columns.map((c) =>
              c.sort && sorting ? (
                <SortHeader key={c.key} label={String(c.header)} column={c.sort.column} firstDir={c.sort.firstDir} title={c.sort.title} align={c.align} {...sorting} />
              ) : (
                <th key={c.key} scope="col" className={`px-4 py-3 font-medium ${c.align === "right" ? "text-right" : ""}`}>
                  {c.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} className="hover:bg-slate-50 dark:hover:bg-slate-800/50" {...rowProps?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={`px-4 py-2.5 ${c.align === "right" ? "text-right tabular-nums" : ""} ${c.className ?? ""}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
