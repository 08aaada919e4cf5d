import { describe, expect, it } from "vitest";
import { SharedAnswers } from "./shared-answers";

const later = <T>(value: T, ms = 20) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("SharedAnswers", () => {
  it("answers every asker when far more distinct questions are in flight than it keeps (none evicted)", async () => {
    const answers = new SharedAnswers<string>({ max: 200, ttlMs: 60_000 });
    const keys = Array.from({ length: 700 }, (_, i) => `q${i}`);
    const results = await Promise.all(keys.map((k) => answers.get(k, () => later(`answer ${k}`))));
    expect(results).toEqual(keys.map((k) => `answer ${k}`));
    expect(answers.size).toEqual({ settled: 200, inFlight: 0 });
  });

  it("merges concurrent askers of one question into one call, and keeps the answer", async () => {
    const answers = new SharedAnswers<number>({ max: 10, ttlMs: 60_000 });
    let calls = 0;
    const load = () => later(++calls);
    expect(await Promise.all([answers.get("k", load), answers.get("k", load), answers.get("k", load)])).toEqual([1, 1, 1]);
    expect(await answers.get("k", load)).toBe(1);
    expect(calls).toBe(1);
  });

  it("remembers a failure that matches the negative rule, and only that one", async () => {
    const notFound = Object.assign(new Error("no such meeting"), { code: "MMC.111070005" });
    const answers = new SharedAnswers<number>({ max: 10, ttlMs: 60_000, negative: { ttlMs: 60_000, matches: (e) => (e as { code?: string }).code === "MMC.111070005" } });
    let calls = 0;
    const missing = () => {
      calls += 1;
      return Promise.reject(notFound);
    };
    await expect(answers.get("gone", missing)).rejects.toBe(notFound);
    await expect(answers.get("gone", missing)).rejects.toBe(notFound);
    expect(calls).toBe(1);

    let flaky = 0;
    const sometimes = () => (++flaky === 1 ? Promise.reject(new Error("502")) : Promise.resolve(7));
    await expect(answers.get("flaky", sometimes)).rejects.toThrow("502");
    expect(await answers.get("flaky", sometimes)).toBe(7);
  });
});
