import { mkdtempSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { JsonFile } from "./json-file";

const schema = z.object({ names: z.array(z.string()) });
let file: JsonFile<z.infer<typeof schema>> | undefined;
afterEach(() => file?.unwatch());

describe("a watched JsonFile", () => {
  it("reports a name that was added, read, and removed again within one poll interval", async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), "mm-json-")), "names.json");
    await writeFile(target, JSON.stringify({ names: ["ann"] }));
    file = new JsonFile(target, schema, { names: [] }, "names");
    const changes: [string[], string[]][] = [];
    await file.watch((before, after) => changes.push([before.names, after.names]), 300);

    await new Promise((r) => setTimeout(r, 20));
    await writeFile(target, JSON.stringify({ names: ["ann", "leaving"] }));
    // A sign-in reads the file at once rather than waiting for the poll.
    expect((await file.refresh()).names).toEqual(["ann", "leaving"]);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(target, JSON.stringify({ names: ["ann"] }));

    await new Promise((r) => setTimeout(r, 1_500));
    expect(changes.some(([before, after]) => before.includes("leaving") && !after.includes("leaving"))).toBe(true);
  });
});
