import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets tests (and side-by-side builds) point the server at another build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The custom server (server/index.ts) owns the process; Next only renders.
  serverExternalPackages: ["pino", "ws"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

// The language and catalogue of each request come from lib/i18n/request.ts.
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
