import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, LOCALE_HEADER, pickLocale, type Locale } from "./locales";

/** The language of the request being served (pages, and route handlers such as the exports). */
export async function requestLocale(): Promise<Locale> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return pickLocale(h.get(LOCALE_HEADER), c.get(LOCALE_COOKIE)?.value, h.get("accept-language"));
}
