import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The custom server (server/index.ts) owns the process; Next only renders.
  serverExternalPackages: ["pino", "ws"],
};

export default nextConfig;
