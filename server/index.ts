import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { ConfigError } from "@/lib/config-error";
import { logger } from "@/lib/logger";
import { registerServices } from "@/lib/services";
import { createRelay } from "./create-relay";
import { createServices } from "./create-services";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const dev = process.env.NODE_ENV !== "production";

function fail(message: string): never {
  console.error(`meeting-monitor: ${message}`);
  process.exit(1);
}

function listenAddress(env: NodeJS.ProcessEnv): { port: number; host: string } {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0 to 65535, got "${env.PORT}"`);
  return { port, host: env.HOST || "127.0.0.1" };
}

async function main(): Promise<void> {
  const { port, host } = listenAddress(process.env);
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!dev && !existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
    throw new ConfigError(`no production build in ${distDir}: run \`npm run build\` first`);
  }
  const { services, simulator, redis } = await createServices(process.env);
  registerServices(services);
  const app = next({ dev, hostname: host, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  const relay = await createRelay(server, services, process.env, redis);
  services.disconnectDisplay = (displayId) => relay.relay.disconnectDisplay(displayId);
  if (dev) {
    // socket.io answers its own upgrades; the rest (Next's hot reload) go to Next.
    const nextUpgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io")) void nextUpgrade(req, socket, head);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  logger.info({ url: `http://${host}:${actualPort}`, simulated: services.simulated, dev }, "meeting monitor listening");

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    void relay.close().then(() => services.hostPasswords.close()).then(() => redis?.client.disconnect());
    server.close();
    server.closeAllConnections();
    void simulator?.close();
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") fail(`port already in use: ${(error as Error).message}`);
  console.error(error);
  process.exit(1);
});
