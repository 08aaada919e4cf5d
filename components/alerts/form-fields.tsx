/** The alerts page's form controls, alike in both forms. */

export const inputClass = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";

export function Field({ label, hint, children, wide = false }: { label: string; hint?: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <label className={`flex min-w-0 flex-col gap-1 ${wide ? "sm:col-span-2" : ""}`}>
      <span className="font-medium">{label}</span>
      {children}
      {hint && <span className="text-xs break-words text-slate-600 dark:text-slate-400">{hint}</span>}
    </label>
  );
}

/** "a, b ,c" → ["a", "b", "c"]; empty → undefined (the field was not given). */
export function commaList(text: string): string[] | undefined {
  const items = text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}
