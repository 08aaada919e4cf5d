import Link from "next/link";

/** The look shared by the not-found and error pages: a heading, a sentence, a way on. */
export function ProblemPage({ title, body, children }: { title: string; body: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="text-slate-700 dark:text-slate-300">{body}</p>
      <div className="flex justify-center gap-3">{children}</div>
    </div>
  );
}

export const problemAction = "rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800";

export function HomeLink({ label }: { label: string }) {
  return (
    <Link href="/" className={problemAction}>
      {label}
    </Link>
  );
}
