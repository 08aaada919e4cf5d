"use client";

import type { SortDir } from "@/lib/domain/meeting-order";

interface Props<K extends string> {
  label: string;
  column: K;
  sort: K;
  dir: SortDir;
  onSort: (column: K, dir: SortDir) => void;
  /** The way a first click sorts: counts and times are most useful biggest or latest first. */
  firstDir?: SortDir;
  align?: "left" | "right";
  title?: string;
}

/** A column header that sorts its table: a button inside, `aria-sort` on the header cell. */
export function SortHeader<K extends string>({ label, column, sort, dir, onSort, firstDir = "asc", align = "left", title }: Props<K>) {
  const active = sort === column;
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className={`px-3 py-2 font-medium ${align === "right" ? "text-right" : ""}`} title={title}>
      <button
        type="button"
        onClick={() => onSort(column, active ? (dir === "asc" ? "desc" : "asc") : firstDir)}
        className={`inline-flex items-center gap-1 rounded px-1 py-1 uppercase tracking-wide hover:bg-slate-200 dark:hover:bg-slate-800 ${active ? "text-slate-900 dark:text-white" : ""}`}
        data-sort-column={column}
      >
        {label}
        <span aria-hidden className="text-[0.7rem]">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
