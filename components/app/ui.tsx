/** Small shared pieces of the dashboard's look, so every page filters, searches and fails alike. */


/** A toggle button; pressed it is filled with a colour whose text keeps AA contrast in both themes. */
export const pressable =
  "rounded-md border border-slate-300 px-2.5 py-1.5 text-sm hover:bg-slate-100 aria-pressed:border-sky-700 aria-pressed:bg-sky-700 aria-pressed:text-white dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:border-sky-500 dark:aria-pressed:bg-sky-500 dark:aria-pressed:text-slate-950";

export function FilterButtons<T extends string>({ options, value, onChange, label }: { options: readonly (readonly [T, string])[]; value: T; onChange: (v: T) => void; label: string }) {
  return (
    <div className="flex flex-wrap gap-1" role="group" aria-label={label}>
      {options.map(([option, label]) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
          className={pressable}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function SearchInput({ value, onChange, label, className = "w-full sm:w-64" }: { value: string; onChange: (v: string) => void; label: string; className?: string }) {
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
  return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{children}</p>;
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
