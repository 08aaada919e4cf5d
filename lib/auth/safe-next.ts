const BASE = "http://dashboard.invalid";

/**
 * Where to go after sign-in: only a path of this site. Checked with the URL parser, as a browser
 * would read it, so `/\evil.example`, `/%09/evil.example` or `//evil.example` cannot leave the site.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\\\u0000-\u001f]/.test(next)) return "/";
  try {
    const url = new URL(next, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
