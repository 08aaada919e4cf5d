// Plain JavaScript, not TypeScript: Next would transpile a next.config.ts at every start (2 s here).
import createNextIntlPlugin from "next-intl/plugin";

const dev = process.env.NODE_ENV !== "production";

/**
 * Everything the pages load comes from the dashboard itself: scripts, styles, fonts, the socket.
 * Next's own inline bootstrap scripts need 'unsafe-inline' (no nonces: pages are served statically);
 * the dev server's hot reload needs eval and its own socket.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets tests (and side-by-side builds) point the server at another build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The custom server (server/index.ts) owns the process; Next only renders.
  serverExternalPackages: ["pino", "ws", "prom-client"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Content-Security-Policy", value: CSP },
        ],
      },
    ];
  },
};

// The language and catalogue of each request come from lib/i18n/request.ts.
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
