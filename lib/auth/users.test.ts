import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UserStore } from "./users";

const store = () => new UserStore(mkdtempSync(path.join(tmpdir(), "mm-users-")));

describe("UserStore", () => {
  it("adds, verifies, updates and removes users; never stores a password in clear", async () => {
    const s = store();
    await s.upsert({ username: "jane", password: "correct horse", role: "admin" });
    expect(await s.verify("jane", "correct horse")).toMatchObject({ username: "jane", role: "admin" });
    expect(await s.verify("jane", "wrong horse")).toBeUndefined();
    expect(await s.verify("nobody", "correct horse")).toBeUndefined();
    const file = readFileSync(s.file, "utf8");
    expect(file).not.toContain("correct horse");
    expect(file).toMatch(/"passwordHash": "scrypt\$/);
    expect(statSync(s.file).mode & 0o777).toBe(0o600);

    await s.upsert({ username: "jane", password: "battery staple", role: "wall" });
    expect(await s.verify("jane", "correct horse")).toBeUndefined();
    expect((await s.list()).map((u) => [u.username, u.role])).toEqual([["jane", "wall"]]);
    expect(await s.remove("jane")).toBe(true);
    expect(await s.remove("jane")).toBe(false);
    expect(await s.list()).toEqual([]);
  });

  it("needs a Huawei user for a host, and refuses bad names and short passwords", async () => {
    const s = store();
    await expect(s.upsert({ username: "bob", password: "long enough", role: "host" })).rejects.toThrow(/--huawei-user/);
    await expect(s.upsert({ username: "b o b", password: "long enough", role: "admin" })).rejects.toThrow(/username/);
    await expect(s.upsert({ username: "bob", password: "short", role: "admin" })).rejects.toThrow(/at least 8/);
    expect(await s.upsert({ username: "bob", password: "long enough", role: "host", huaweiUserId: "bob.wang" })).toMatchObject({ huaweiUserId: "bob.wang" });
  });

  it("sees changes another process wrote to the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mm-users-"));
    const a = new UserStore(dir);
    const b = new UserStore(dir);
    expect(await a.list()).toEqual([]);
    await b.upsert({ username: "carol", password: "long enough", role: "admin" });
    expect((await a.list()).map((u) => u.username)).toEqual(["carol"]);
  });
});
