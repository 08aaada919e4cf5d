import { afterEach, describe, expect, it } from "vitest";
import { Mirror } from "./mirror";

describe("Mirror", () => {
  let mirror: Mirror<string[]> | undefined;
  afterEach(() => mirror?.stop());

  it("sees a row added just after a read, when asked, and shares one read among a flood of asks", async () => {
    const rows = ["ann"];
    let loads = 0;
    mirror = new Mirror(async () => {
      loads += 1;
      return [...rows];
    });
    await mirror.start(60_000);
    rows.push("new-user");
    expect(await mirror.refresh()).toEqual(["ann", "new-user"]);
    const before = loads;
    await Promise.all(Array.from({ length: 100 }, () => mirror!.refresh()));
    expect(loads - before).toBeLessThanOrEqual(1);
    rows.push("third");
    expect(await mirror.refresh(true)).toEqual(["ann", "new-user", "third"]);
  });

  it("tells of a row that went, and serves its last copy while the source fails", async () => {
    let rows = ["ann", "leaving"];
    let failing = false;
    const changes: [string[], string[]][] = [];
    mirror = new Mirror(
      async () => {
        if (failing) throw new Error("store down");
        return [...rows];
      },
      (before, after) => changes.push([before, after]),
    );
    await mirror.start(20);
    rows = ["ann"];
    await expect.poll(() => changes.some(([b, a]) => b.includes("leaving") && !a.includes("leaving")), { timeout: 2_000 }).toBe(true);
    failing = true;
    expect(await mirror.refresh(true)).toEqual(["ann"]);
    expect(mirror.current()).toEqual(["ann"]);
  });

  it("with no copy yet, passes the failure on", async () => {
    const empty = new Mirror<string[]>(async () => {
      throw new Error("store down");
    });
    await expect(empty.refresh()).rejects.toThrow("store down");
  });
});
