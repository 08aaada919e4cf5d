import { readFile, rename } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { DisplaysTable } from "@/lib/store/displays-table";
import { displayRowSchema, userRowSchema } from "@/lib/store/schema";
import type { Store } from "@/lib/store/store";
import { UsersTable } from "@/lib/store/users-table";

// The files of versions before the store: users.json and displays.json in DATA_DIR.
const usersFileSchema = z.object({ users: z.array(userRowSchema.extend({ huaweiUserId: z.string().nullable().default(null) })) });
const displaysFileSchema = z.object({ displays: z.array(displayRowSchema) });

export interface ImportReport {
  file: string;
  found: number;
  added: number;
  renamedTo: string;
}

/**
 * Imports, once, the users and displays of a version that kept them in JSON files: each row the
 * store does not hold yet is added (one already there is kept: it is the newer), then the file is
 * renamed so it is not imported again and is still there to look at. A broken file stops the
 * start, untouched.
 */
export async function importJsonFiles(store: Store, dataDir: string): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const users = await readIfThere(path.join(dataDir, "users.json"), usersFileSchema);
  if (users) {
    const added = await new UsersTable(store).insertMissing(users.value.users);
    reports.push(await retire(users.file, users.value.users.length, added));
  }
  const displays = await readIfThere(path.join(dataDir, "displays.json"), displaysFileSchema);
  if (displays) {
    const added = await new DisplaysTable(store).insertMissing(displays.value.displays);
    reports.push(await retire(displays.file, displays.value.displays.length, added));
  }
  for (const r of reports) logger.info(r, "imported into the store");
  return reports;
}

async function readIfThere<T>(file: string, schema: z.ZodType<T>): Promise<{ file: string; value: T } | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}): fix or move it, then start again`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} cannot be imported: ${z.prettifyError(parsed.error).split("\n").join(" ")}`);
  return { file, value: parsed.data };
}

async function retire(file: string, found: number, added: number): Promise<ImportReport> {
  const renamedTo = `${file}.imported-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  await rename(file, renamedTo);
  return { file, found, added, renamedTo };
}
