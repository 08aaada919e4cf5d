// Compiles the custom server (and the simulator it may start) to plain JavaScript in
// dist/server, so production starts without compiling TypeScript at run time (tsx): faster to
// start and about 70 MB lighter when idle (README, "Benchmarks"). Packages stay external,
// loaded from node_modules as they are.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist/server", { recursive: true, force: true });
await build({
  entryPoints: { index: "server/index.ts" },
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  tsconfig: "tsconfig.json",
});
