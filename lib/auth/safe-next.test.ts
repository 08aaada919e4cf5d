import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path of this site", () => {
    expect(safeNext("/wall?rotate=30s")).toBe("/wall?rotate=30s");
    expect(safeNext("/meetings/123#x")).toBe("/meetings/123#x");
  });

  it("never leads off the site", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "/%5Cevil.example", "/\t/evil.example", "https://evil.example", "evil", "", undefined, ["/"]]) {
      const out = safeNext(bad);
      expect(new URL(out, "https://dash.example").origin, String(bad)).toBe("https://dash.example");
    }
    expect(safeNext("/\\evil.example")).toBe("/");
  });
});
