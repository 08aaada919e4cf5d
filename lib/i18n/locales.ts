import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Remembers the language picked with the picker (a year; it is a preference, not a secret). */
export const LOCALE_COOKIE = "mm-locale";
/** The page's own path and query, set by proxy.ts, for the sign-in redirect to keep. */
export const PAGE_URL_HEADER = "x-mm-page-url";
/** Set by the proxy from a wall's `?lang=`, which wins over the cookie for that page. */
export const LOCALE_HEADER = "x-mm-locale";

/** How each language names itself in the picker. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header ("zh-TW,zh;q=0.9" → zh-CN), or the default. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const requested = new Negotiator({ headers: { "accept-language": header ?? "" } }).languages().filter((l) => l !== "*");
  try {
    return match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: "best fit" }) as Locale;
  } catch {
    // A malformed tag in the header: fall back rather than fail the page.
    return DEFAULT_LOCALE;
  }
}

/** The page's language: an explicit choice (a wall's URL), then the remembered one, then the browser's. */
export function pickLocale(explicit: string | null | undefined, remembered: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(explicit)) return explicit;
  if (isLocale(remembered)) return remembered;
  return localeFromAcceptLanguage(acceptLanguage);
}

/** The Accept-Language sent to Huawei for answers shown to this user (device and media names). */
export type HuaweiLanguage = "zh-CN" | "en-US";

export function huaweiLanguage(locale: Locale): HuaweiLanguage {
  return locale === "zh-CN" ? "zh-CN" : "en-US";
}
