import { describe, expect, it } from "vitest";
import { FairBudget } from "./fair-budget";

describe("FairBudget", () => {
  it("serves a second user's one call within the first turns, however many calls the first user queued", async () => {
    const budget = new FairBudget(50);
    const order: string[] = [];
    const call = (who: string) => budget.run(who, async () => void order.push(who));
    const flood = Array.from({ length: 300 }, () => call("flooder"));
    const other = call("admin");
    await other;
    // Only the flooder's calls of the first second (50) and the one or two the limiter held went first, not 300.
    expect(order.indexOf("admin")).toBeLessThanOrEqual(52);
    await Promise.all(flood);
    expect(order.filter((w) => w === "flooder")).toHaveLength(300);
  });

  it("alternates between lanes that both wait", async () => {
    const budget = new FairBudget(1_000);
    const order: string[] = [];
    // Fill the window so later calls wait in their lanes.
    const fill = Array.from({ length: 1_000 }, () => budget.run("fill", async () => undefined));
    const a = Array.from({ length: 3 }, () => budget.run("a", async () => void order.push("a")));
    const b = Array.from({ length: 3 }, () => budget.run("b", async () => void order.push("b")));
    await Promise.all([...fill, ...a, ...b]);
    // b's calls, queued after all of a's, do not wait for a's to finish.
    expect(order.indexOf("b")).toBeLessThan(order.lastIndexOf("a"));
    expect(order.filter((w) => w === "a")).toHaveLength(3);
  });

  it("passes a call's failure to its caller only", async () => {
    const budget = new FairBudget(10);
    const bad = budget.run("x", async () => {
      throw new Error("upstream 502");
    });
    const good = budget.run("x", async () => 42);
    await expect(bad).rejects.toThrow("upstream 502");
    expect(await good).toBe(42);
  });
});
