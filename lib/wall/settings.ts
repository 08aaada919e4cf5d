import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { isValidTimeZone } from "@/lib/zoned-time";
import { parseRotate } from "./rotation";

/**
 * A wall screen's settings, from its URL as Grafana's kiosk links do:
 * `/wall?rotate=30s&only=attention&q=sales&ids=123,456&theme=light&tz=Asia/Shanghai&mask=initials&lang=zh-CN`.
 * A bad or unknown value never blanks the screen: it falls back to the default and is reported
 * (as the setting and its value, which the page words in its language).
 */
export interface WallSettings {
  /** Each view (the overview, then one meeting) stays this long, in ms; null: the overview only. */
  rotate: number | null;
  /** Only meetings that need attention, or all. */
  only: "all" | "attention";
  /** Subject, host or meeting ID containing this. */
  q: string;
  /** Only these meetings (empty: all). */
  ids: string[];
  theme: "dark" | "light";
  /** Null: the screen's own zone. */
  tz: string | null;
  mask: "none" | "initials";
  /** Null: the language the page was served in (the screen's browser). */
  lang: Locale | null;
}

/** A setting the wall did not take: a known one with a bad value, or an unknown name. */
export interface WallSettingProblem {
  setting: string;
  value: string;
}

export const DEFAULT_WALL_SETTINGS: WallSettings = { rotate: null, only: "all", q: "", ids: [], theme: "dark", tz: null, mask: "none", lang: null };

const fields = {
  rotate: z.string().transform((s, ctx) => {
    if (s === "none") return null;
    const ms = parseRotate(s);
    if (ms === null) ctx.addIssue({ code: "custom", message: "10s to 60m" });
    return ms;
  }),
  only: z.enum(["all", "attention"]),
  q: z.string().trim().max(128),
  ids: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9]{1,32}$/)).max(200)),
  theme: z.enum(["dark", "light"]),
  tz: z.string().refine(isValidTimeZone),
  mask: z.enum(["none", "initials"]),
  lang: z.enum(LOCALES),
} satisfies Record<keyof WallSettings, z.ZodType>;

export function parseWallSettings(params: URLSearchParams): { settings: WallSettings; problems: WallSettingProblem[] } {
  const settings: WallSettings = { ...DEFAULT_WALL_SETTINGS };
  const problems: WallSettingProblem[] = [];
  for (const [key, raw] of params) {
    const value = raw.slice(0, 40);
    if (!(key in fields)) {
      problems.push({ setting: key.slice(0, 40), value });
      continue;
    }
    const name = key as keyof WallSettings;
    const parsed = fields[name].safeParse(raw);
    if (parsed.success) Object.assign(settings, { [name]: parsed.data });
    else problems.push({ setting: name, value });
  }
  return { settings, problems };
}
