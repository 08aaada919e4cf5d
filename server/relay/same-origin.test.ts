import { describe, expect, it } from "vitest";
import { sameOrigin } from "./handshake";

describe("the socket handshake's origin check", () => {
  it("answers for any Origin, without throwing", () => {
    expect(sameOrigin(undefined, "dash:3000")).toBe(true);
    expect(sameOrigin("http://dash:3000", "dash:3000")).toBe(true);
    expect(sameOrigin("http://evil.example", "dash:3000")).toBe(false);
    expect(sameOrigin("null", "dash:3000")).toBe(false);
    expect(sameOrigin("::::", "dash:3000")).toBe(false);
  });
});
