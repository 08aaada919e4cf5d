import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_HEADER } from "@/lib/i18n/locales";

/**
 * A wall takes its language from its URL (`/wall?lang=zh-CN`), not from the screen's browser:
 * the choice rides to the page's request config as a header. Anything else passes untouched.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(LOCALE_HEADER);
  const lang = request.nextUrl.searchParams.get("lang");
  if (isLocale(lang)) headers.set(LOCALE_HEADER, lang);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/wall"] };
