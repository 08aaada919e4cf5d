import { NextResponse, type NextRequest } from "next/server";
import { isLocale, LOCALE_HEADER, PAGE_URL_HEADER } from "@/lib/i18n/locales";

/**
 * Every page's request carries its own path and query to the page (`PAGE_URL_HEADER`), so a
 * signed-out visit is sent to sign in with the whole deep link kept. A wall takes its language
 * from its URL (`/wall?lang=zh-CN`), not from the screen's browser: the choice rides to the page's
 * request config as a header. Neither header can be sent from outside: both are set here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(LOCALE_HEADER);
  headers.set(PAGE_URL_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const lang = request.nextUrl.pathname === "/wall" ? request.nextUrl.searchParams.get("lang") : null;
  if (isLocale(lang)) headers.set(LOCALE_HEADER, lang);
  return NextResponse.next({ request: { headers } });
}

// Pages only: not the API, Next's own files or the icon.
export const config = { matcher: ["/((?!api|_next|d/|metrics|icon.svg|favicon.ico).*)"] };
