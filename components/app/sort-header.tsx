"use client";

import type { SortDir } from "@/lib/domain/meeting-order";

interface SortProps<K extends string> {
  label: string;
  column: K;
  sort: K;
  dir: SortDir;
  onSort: (column: K, dir: SortDir) => void;
  /** The way a first click sorts: counts and times are most useful biggest or latest first. */
  firstDir?: SortDir;
}

/**
 * The button that sorts by a column: again to reverse. Outside a table (the attendance timeline,
 * the live grid) it says it is the active sort with `aria-pressed`; in a table the header cell's
 * `aria-sort` says so.
 */
export function SortButton<K extends string>({ label, column, sort, dir, onSort, firstDir = "asc", pressed }: SortProps<K> & { pressed?: boolean }) {
  const active = sort === column;
  return (
    <button
      type="button"
      onClick={() => onSort(column, active ? (dir === "asc" ? "desc" : "asc") : firstDir)}
      aria-pressed={pressed ? active : undefined}
      className={`-ml-1 inline-flex items-center gap-1 justify-self-start rounded px-1 py-1 uppercase tracking-wide hover:bg-slate-200 dark:hover:bg-slate-800 ${active ? "text-slate-900 dark:text-white" : ""}`}
      data-sort-column={column}
    >
      {label}
      <span aria-hidden className="text-[0.7rem]">
        {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </button>
  );
}

/** A column header that sorts its table: the sort button inside, `aria-sort` on the header cell. */
export function SortHeader<K extends string>({ align = "left", title, ...props }: SortProps<K> & { align?: "left" | "right"; title?: string }) {
  const active = props.sort === props.column;
  return (
    <th scope="col" aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-3 py-2 font-medium ${align === "right" ? "text-right" : ""}`} title={title}>
      <SortButton {...props} />
    </th>
  );
}
