import path from "node:path";
import { parseArgs } from "node:util";
import { importJsonFiles } from "@/lib/auth/json-import";
import { UserStore } from "@/lib/auth/users";
import { roleSchema } from "@/lib/auth/viewer";
import { Store } from "@/lib/store/store";

const USAGE = `usage:
  npm run user -- add <username> --role admin|host|wall [--huawei-user <id>] [--password <pw>]
  npm run user -- remove <username>
  npm run user -- list
Without --password, the password is read from the DASHBOARD_USER_PASSWORD variable or standard input.`;

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  if (process.env.DASHBOARD_USER_PASSWORD) return process.env.DASHBOARD_USER_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split("\n")[0]!.trim();
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string" }, "huawei-user": { type: "string" }, password: { type: "string" } },
  });
  const [command, username] = positionals;
  const dataDir = path.resolve(process.env.DATA_DIR || "./data");
  // The same store the server uses (a running server sees a change within a second).
  const db = await Store.fromEnv(process.env, dataDir);
  try {
    await importJsonFiles(db, dataDir);
    await run(command, username, values, new UserStore(db));
  } finally {
    await db.close();
  }
}

async function run(command: string | undefined, username: string | undefined, values: { role?: string; "huawei-user"?: string; password?: string }, store: UserStore): Promise<void> {
  switch (command) {
    case "list": {
      const users = await store.list();
      if (users.length === 0) console.log(`no users in ${store.where}`);
      for (const u of users) console.log(`${u.username}\t${u.role}${u.huaweiUserId ? `\thuawei user ${u.huaweiUserId}` : ""}`);
      return;
    }
    case "add": {
      if (!username) throw new Error(USAGE);
      const role = roleSchema.safeParse(values.role);
      if (!role.success) throw new Error("--role must be admin, host or wall");
      const user = await store.upsert({
        username,
        password: await readPassword(values.password),
        role: role.data,
        huaweiUserId: values["huawei-user"],
      });
      console.log(`saved ${user.username} (${user.role}) in ${store.where}`);
      return;
    }
    case "remove": {
      if (!username) throw new Error(USAGE);
      console.log((await store.remove(username)) ? `removed ${username}` : `no user ${username}`);
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error && "issues" in error ? (error as { issues: { message: string }[] }).issues[0]!.message : (error as Error).message;
  console.error(message);
  process.exit(1);
});
