import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SimulatedBadge } from "@/components/app/simulated-badge";
import { currentViewer } from "@/lib/auth/session";
import { services } from "@/lib/services";

export const metadata = { title: "Sign in · Meeting Monitor" };

/** Only same-site paths may follow sign-in, so the page cannot be used to bounce users elsewhere. */
function safeNext(next: string | string[] | undefined): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await currentViewer(await cookies())) redirect(next);
  const { simulated, demoLogins } = services();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-2 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Meeting Monitor</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">Live view of Huawei Cloud Meeting</p>
          {simulated && <SimulatedBadge />}
        </div>
        <LoginForm next={next} />
        {demoLogins.length > 0 && (
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40">
            <p className="font-medium">Demo sign-ins (simulator mode)</p>
            <ul className="mt-2 space-y-1 font-mono text-xs">
              {demoLogins.map((d) => (
                <li key={d.username}>
                  {d.username} / {d.password} <span className="font-sans text-slate-500">({d.role})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </main>
  );
}
