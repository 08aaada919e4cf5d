import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { collectingFromEnv } from "@/lib/archive/collector-config";
import { ConfigError } from "@/lib/config-error";
import { envCount, envInt } from "@/lib/env-number";
import { userRoom } from "@/lib/live/socket-rooms";
import { logger } from "@/lib/logger";
import { runWithContext } from "@/lib/request-context";
import { registerServices } from "@/lib/services";
import { alertsJobFromEnv } from "./alerts/alerts-config";
import { createRelay } from "./create-relay";
import { createServices } from "./create-services";
import { contextOf, guard, logWhenAnswered, type GuardOptions } from "./http-guard";
import { registerMetricsCollectors } from "./metrics-collectors";

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
  const guardOptions: GuardOptions = { trustProxyHops: envCount(process.env, "TRUST_PROXY_HOPS", 0), maxBodyBytes: envInt(process.env, "MAX_BODY_BYTES", 16_384) };
  const shutdownMs = envInt(process.env, "SHUTDOWN_TIMEOUT_MS", 10_000);
  const { services, simulator, redis } = await createServices(process.env);
  registerServices(services);
  const app = next({ dev, hostname: host, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    const context = contextOf(req, guardOptions);
    runWithContext(context, () => {
      logWhenAnswered(req, res, context);
      if (!guard(req, res, context, guardOptions)) void handle(req, res);
    });
  });
  const relay = await createRelay(server, services, process.env, redis);
  services.disconnectRoom = (room) => relay.relay.disconnectRoom(room);
  services.presentPeople.readFromLiveState((id) => relay.relay.livePeople(id));
  services.liveMeeting = (id) => relay.relay.meetingState(id);
  // A user removed from the users file loses their open sockets too, not only their next request.
  await services.users.watch((username) => {
    logger.info({ username }, "user removed: closing their sockets");
    relay.relay.disconnectRoom(userRoom(username));
  });
  await services.displays.watch();
  await services.revokedSessions.watch();
  registerMetricsCollectors(services, relay.relay);
  if (collectingFromEnv(process.env)) services.archive.start();
  services.health.start();
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
  const alerts = alertsJobFromEnv(process.env, services, relay.relay.registry.wallFeed, `http://${host}:${actualPort}`);
  alerts?.start();
  logger.info({ url: `http://${host}:${actualPort}`, simulated: services.simulated, dev }, "meeting monitor listening");
  // One plain line for the person who started it (stderr, so stdout stays JSON lines for log shippers).
  const demo = services.demoLogins.map((d) => `${d.username} / ${d.password}`).join(", ");
  const reach = host === "127.0.0.1" || host === "localhost" ? " (this machine only: HOST=0.0.0.0 to reach it from others)" : "";
  process.stderr.write(`Meeting Monitor on http://${host}:${actualPort}${reach}${services.simulated ? " with simulated Huawei data" : ""}${demo ? `; sign in as ${demo}` : ""}\n`);

  // A failed publish of the Redis adapter while Redis is away must not take the process down with it.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, boundMs: shutdownMs }, "shutting down: no new connections, draining");
    setTimeout(() => {
      logger.warn("shutdown bound reached: exiting with connections still open");
      process.exit(1);
    }, shutdownMs).unref();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    await alerts?.stop().catch((err: unknown) => logger.warn({ err }, "alerting did not stop cleanly"));
    // Sockets first (they would hold the HTTP server open), then every watcher and lease.
    await relay.close().catch((err: unknown) => logger.warn({ err }, "relay did not close cleanly"));
    services.health.stop();
    await services.archive.stop();
    server.closeIdleConnections();
    await drained;
    services.users.unwatch();
    services.displays.unwatch();
    services.revokedSessions.unwatch();
    await services.hostPasswords.close().catch(() => undefined);
    redis?.client.disconnect();
    await simulator?.close();
    await services.store.close().catch(() => undefined);
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") fail(`port already in use: ${(error as Error).message}`);
  console.error(error);
  process.exit(1);
});
