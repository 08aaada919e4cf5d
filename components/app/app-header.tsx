"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { SimulatedBadge } from "./simulated-badge";
import { ThemeToggle } from "./theme";
import { TimeZonePicker } from "./time-zone";

const NAV = [
  ["/", "Ongoing"],
  ["/history", "History"],
] as const;
const ADMIN_NAV = [...NAV, ["/admin/displays", "Displays"]] as const;

export function AppHeader({ username, role, simulated }: { username: string; role: string; simulated: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  async function signOut() {
    await fetch("/api/auth/logout", { method: "POST" });
    queryClient.clear();
    router.replace("/login");
    router.refresh();
  }
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Meeting Monitor
        </Link>
        <nav className="flex gap-4 text-sm">
          {(role === "admin" ? ADMIN_NAV : NAV).map(([href, label]) => {
            const current = href === "/" ? pathname === "/" || pathname.startsWith("/meetings") : pathname.startsWith(href);
            return (
              <Link
                key={href}
                href={href}
                aria-current={current ? "page" : undefined}
                className="text-slate-600 hover:text-slate-900 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:text-white"
              >
                {label}
              </Link>
            );
          })}
        </nav>
        {simulated && <SimulatedBadge />}
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <TimeZonePicker />
          <ThemeToggle />
          <span className="text-sm text-slate-600 dark:text-slate-300">
            {username} <span className="text-slate-400">· {role}</span>
          </span>
          <button type="button" onClick={signOut} className="rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
