"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LOCALES } from "@/lib/i18n/locales";
import { parseWallSettings } from "@/lib/wall/settings";

/** A wall's settings as the form holds them: each the text of its URL value, "" for the default. */
export type WallSettingsDraft = Record<"rotate" | "only" | "q" | "ids" | "theme" | "tz" | "mask" | "lang", string>;

export const EMPTY_WALL_SETTINGS: WallSettingsDraft = { rotate: "", only: "", q: "", ids: "", theme: "", tz: "", mask: "", lang: "" };

const ROTATIONS = ["30s", "1m", "2m", "5m", "10m"];

/** The settings' part of a wall's URL (`only=attention&mask=initials`), defaults left out. */
export function wallSettingsQuery(draft: WallSettingsDraft): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(draft)) if (value.trim()) params.set(key, value.trim());
  return params.toString();
}

/**
 * A wall's settings as pickers rather than a query string to type: a choice for each, the two
 * free ones (search, meeting IDs) checked as typed, each bad value named under its field.
 */
export function WallSettingsFields({ draft, onChange }: { draft: WallSettingsDraft; onChange: (draft: WallSettingsDraft) => void }) {
  const t = useTranslations("displays");
  const tw = useTranslations("wall");
  const problems = useMemo(() => new Map(parseWallSettings(new URLSearchParams(wallSettingsQuery(draft))).problems.map((p) => [p.setting, p.value])), [draft]);
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const set = (key: keyof WallSettingsDraft) => (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => onChange({ ...draft, [key]: e.target.value });
  const field = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
  const problem = (key: keyof WallSettingsDraft) =>
    problems.has(key) && (
      <span role="alert" className="text-red-700 dark:text-red-400" data-setting-problem={key}>
        {tw("problem", { setting: key, value: problems.get(key)! })}
      </span>
    );
  const choice = (key: keyof WallSettingsDraft, options: [string, string][]) => (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{t(`field.${key}`)}</span>
      <select value={draft[key]} onChange={set(key)} className={field}>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <legend className="mb-2 font-medium">{t("settings")}</legend>
      {choice("rotate", [["", t("rotateNone")], ...ROTATIONS.map((r): [string, string] => [r, t("rotateEvery", { every: r })])])}
      {choice("only", [["", t("onlyAll")], ["attention", t("onlyAttention")]])}
      {choice("theme", [["", t("themeDark")], ["light", t("themeLight")]])}
      {choice("mask", [["", t("maskNone")], ["initials", t("maskInitials")]])}
      {choice("lang", [["", t("langScreen")], ...LOCALES.map((l): [string, string] => [l, t("langName", { lang: l })])])}
      {choice("tz", [["", t("tzScreen")], ...zones.map((z): [string, string] => [z, z])])}
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("field.q")}</span>
        <input value={draft.q} onChange={set("q")} maxLength={128} placeholder={t("qPlaceholder")} className={field} />
        {problem("q")}
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">{t("field.ids")}</span>
        <input value={draft.ids} onChange={set("ids")} placeholder="123456789, 987654321" className={`${field} font-mono`} />
        {problem("ids")}
      </label>
    </fieldset>
  );
}
