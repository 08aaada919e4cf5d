import { startSimulator, SIMULATOR_DEFAULTS } from "./server";

// `npm run simulator`: the Huawei API simulator on its own, for development or for pointing
// any dashboard instance at it with HUAWEI_MEETING_API_BASE.
const port = Number(process.env.SIMULATOR_PORT ?? 8700);
const sim = await startSimulator({
  port,
  seed: process.env.SIMULATOR_SEED ? Number(process.env.SIMULATOR_SEED) : undefined,
  ongoing: process.env.SIMULATOR_ONGOING ? Number(process.env.SIMULATOR_ONGOING) : undefined,
});
console.log(`Huawei Cloud Meeting simulator on ${sim.url}`);
console.log(`  App ID auth:  HUAWEI_APP_ID=${SIMULATOR_DEFAULTS.appId} HUAWEI_APP_KEY=${SIMULATOR_DEFAULTS.appKey}`);
console.log(`  Account auth: HUAWEI_ACCOUNT=${SIMULATOR_DEFAULTS.account} HUAWEI_PASSWORD=${SIMULATOR_DEFAULTS.password}`);
console.log(`  ${sim.world.ongoing.size} ongoing meetings, ${sim.world.history.length} past meetings; host user "alice.chen"`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void sim.close().then(() => process.exit(0)));
}
