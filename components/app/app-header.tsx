"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { LanguagePicker } from "./language-picker";
import { SimulatedBadge } from "./simulated-badge";
import { ThemeToggle } from "./theme";
import { TimeZonePicker } from "./time-zone";

const NAV = [
  ["/", "ongoing"],
  ["/history", "history"],
  ["/series", "series"],
  ["/people", "people"],
  ["/departments", "departments"],
  ["/alerts", "alerts"],
] as const;
const ADMIN_NAV = [...NAV, ["/admin/displays", "displays"], ["/admin/quality", "thresholds"]] as const;

/** The desk pages' header; on a phone the links and settings fold into a menu. */
export function AppHeader({ username, role, simulated }: { username: string; role: string; simulated: boolean }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  async function signOut() {
    await fetch("/api/auth/logout", { method: "POST" });
    queryClient.clear();
    router.replace("/login");
    router.refresh();
  }
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        {t("skip")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          {t("app")}
        </Link>
        {simulated && <SimulatedBadge />}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="app-menu"
          onClick={() => setOpen((o) => !o)}
          className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm md:hidden dark:border-slate-600"
        >
          {open ? t("closeMenu") : t("menu")}
        </button>
        <div id="app-menu" className={`${open ? "flex" : "hidden"} w-full flex-col gap-4 md:flex md:w-auto md:flex-1 md:flex-row md:items-center`}>
          <nav className="flex flex-col gap-3 text-sm md:flex-row md:flex-wrap md:gap-x-4 md:gap-y-1" aria-label={t("main")}>
            {(role === "admin" ? ADMIN_NAV : NAV).map(([href, key]) => {
              const current = href === "/" ? pathname === "/" || pathname.startsWith("/meetings") : pathname.startsWith(href);
              return (
                <Link
                  key={href}
                  href={href}
                  aria-current={current ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className="whitespace-nowrap text-slate-700 underline-offset-4 hover:text-slate-900 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:text-white"
                >
                  {t(key)}
                </Link>
              );
            })}
          </nav>
          <div className="flex flex-wrap items-center gap-3 md:ml-auto">
            <LanguagePicker />
            <TimeZonePicker />
            <ThemeToggle />
            <span className="text-sm text-slate-700 dark:text-slate-300">
              {username} <span className="text-slate-600 dark:text-slate-400">· {t("role", { role })}</span>
            </span>
            <button type="button" onClick={signOut} className="rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              {t("signOut")}
            </button>
          </div>
        </div>
      </div>
    </header>
  );
}
