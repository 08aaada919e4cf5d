import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguagePicker } from "@/components/app/language-picker";
import { SimulatedBadge } from "@/components/app/simulated-badge";
import { safeNext } from "@/lib/auth/safe-next";
import { currentViewer } from "@/lib/auth/session";
import { services } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await currentViewer(await cookies())) redirect(next);
  const t = await getTranslations("login");
  const tm = await getTranslations("meta");
  const { simulated, demoLogins } = services();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex justify-end">
          <LanguagePicker />
        </div>
        <div className="space-y-2 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{tm("app")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("tagline")}</p>
          {simulated && <SimulatedBadge />}
        </div>
        <LoginForm next={next} />
        {demoLogins.length > 0 && (
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700/60 dark:bg-amber-950/40">
            <p className="font-medium">{t("demo")}</p>
            <ul className="mt-2 space-y-1 font-mono text-xs">
              {demoLogins.map((d) => (
                <li key={d.username}>
                  {d.username} / {d.password} <span className="font-sans text-slate-700 dark:text-slate-300">({d.role})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </main>
  );
}
