import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressProblem, isLoopbackHost, resolveChecked } from "./outbound-address";
import { postTo } from "./outbound-post";

const closed = { allowPrivate: false };

describe("where a channel may send", () => {
  it("never to link-local or metadata addresses, in any spelling", () => {
    for (const ip of ["169.254.169.254", "::ffff:169.254.169.254", "100.100.100.200", "fe80::1", "fd00:ec2::254", "0.0.0.0", "224.0.0.1"]) {
      expect(addressProblem(ip, { allowPrivate: true }), ip).not.toBeNull();
    }
  });

  it("private networks only when allowed; public and loopback addresses are fine", () => {
    for (const ip of ["10.1.2.3", "172.20.0.1", "192.168.1.1", "100.64.0.1", "fd12::1"]) {
      expect(addressProblem(ip, closed), ip).not.toBeNull();
      expect(addressProblem(ip, { allowPrivate: true }), ip).toBeNull();
    }
    for (const ip of ["203.0.113.7", "127.0.0.1", "::1", "2001:db8::1"]) expect(addressProblem(ip, closed), ip).toBeNull();
  });

  it("knows loopback hosts by name and number", () => {
    expect(["localhost", "127.0.0.1", "127.9.9.9", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["example.com", "10.0.0.1", "169.254.169.254"].some(isLoopbackHost)).toBe(false);
  });

  it("refuses a name that resolves to a refused address, and plain http to anything but loopback", async () => {
    await expect(resolveChecked("169.254.169.254", closed, false)).rejects.toThrow(/link-local/);
    await expect(resolveChecked("localhost", closed, true)).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
    await expect(postTo(new URL("http://169.254.169.254/latest/meta-data"), "{}", {}, closed)).rejects.toThrow(/link-local/);
  });

  it("follows no redirect, and bounds the time and size of an answer", async () => {
    let hits = 0;
    const server = createServer((req, res) => {
      hits += 1;
      if (req.url === "/redirect") return void res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
      res.end("x".repeat(1_000_000));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const redirect = await postTo(new URL(`${base}/redirect`), "{}", {}, closed);
      expect(redirect.status).toBe(302);
      expect(hits).toBe(1);
      await expect(postTo(new URL(`${base}/slow`), "{}", {}, closed, { timeoutMs: 200, maxAnswerBytes: 1024 })).rejects.toThrow(/no answer within 200 ms/);
      const big = await postTo(new URL(`${base}/big`), "{}", {}, closed, { timeoutMs: 5_000, maxAnswerBytes: 1024 });
      expect(big.body.length).toBeLessThanOrEqual(1024);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe("plain http", () => {
  it("is refused to a public address", async () => {
    await expect(resolveChecked("203.0.113.7", closed, true)).rejects.toThrow(/only for loopback/);
  });
});
