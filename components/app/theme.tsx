"use client";

import { useTranslations } from "next-intl";
import { storedSetting } from "@/lib/client/stored-setting";
import { THEME_KEY } from "@/lib/client/theme-boot";

export type ThemeChoice = "system" | "light" | "dark";

function apply(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

const setting = storedSetting<ThemeChoice>(THEME_KEY, (v) => (v === "light" || v === "dark" ? v : "system"), "system");

export function useTheme(): [ThemeChoice, (t: ThemeChoice) => void] {
  return [
    setting.use(),
    (t) => {
      setting.write(t);
      apply(t);
    },
  ];
}

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };

export function ThemeToggle() {
  const t = useTranslations("nav");
  const [theme, setTheme] = useTheme();
  return (
    <button
      type="button"
      onClick={() => setTheme(NEXT[theme])}
      className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      title={t("switchTheme")}
      data-theme-choice={theme}
    >
      {t("theme", { theme })}
    </button>
  );
}
