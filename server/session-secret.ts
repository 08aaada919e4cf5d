import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "@/lib/config-error";

/**
 * SESSION_SECRET from the environment, or one made once and kept in DATA_DIR so sessions
 * survive restarts. Several instances behind a load balancer must share one SESSION_SECRET.
 */
export async function ensureSessionSecret(env: NodeJS.ProcessEnv, dataDir: string): Promise<string> {
  if (env.SESSION_SECRET) {
    if (env.SESSION_SECRET.length < 32) throw new ConfigError("SESSION_SECRET must be at least 32 characters");
    return env.SESSION_SECRET;
  }
  const file = path.join(dataDir, "session-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600, flag: "wx" }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return (await readFile(file, "utf8")).trim();
}
