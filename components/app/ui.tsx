/** Small shared pieces of the dashboard's look, so every page filters, searches and fails alike. */

export const tableFrame = "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900";
export const tableHead =
  "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400";

export function FilterButtons<T extends string>({ options, value, onChange }: { options: readonly (readonly [T, string])[]; value: T; onChange: (v: T) => void }) {
  return (
    <div className="flex gap-1" role="group" aria-label="Show">
      {options.map(([option, label]) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
          className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm aria-pressed:border-sky-600 aria-pressed:bg-sky-600 aria-pressed:text-white dark:border-slate-700"
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function SearchInput({ value, onChange, label, className = "w-64" }: { value: string; onChange: (v: string) => void; label: string; className?: string }) {
  return (
    <input
      type="search"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={label}
      aria-label={label}
      className={`rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
    />
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">{children}</p>;
}

export function ErrorBox({ title, message, children }: { title: string; message: string; children?: React.ReactNode }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-300">
      <p className="font-medium">{title}</p>
      <p>{message}</p>
      {children}
    </div>
  );
}
