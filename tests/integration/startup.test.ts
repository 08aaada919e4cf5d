import { describe, expect, it } from "vitest";
import { runToExit } from "./dashboard";

/** The last line a refused start printed, which must be the whole explanation. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe("configuration errors", () => {
  it("a bad base URL gives one clear line and exit 1", async () => {
    const { code, stderr } = await runToExit({ HUAWEI_MEETING_API_BASE: "not a url", HUAWEI_APP_ID: "a", HUAWEI_APP_KEY: "b" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe('meeting-monitor: HUAWEI_MEETING_API_BASE is not a valid URL: "not a url"');
  });

  it("plain http to a non-loopback host is refused", async () => {
    const { code, stderr } = await runToExit({ HUAWEI_MEETING_API_BASE: "http://api.example.com", HUAWEI_APP_ID: "a", HUAWEI_APP_KEY: "b" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(/must use https/);
  });

  it("an App ID without its key is named", async () => {
    const { code, stderr } = await runToExit({ HUAWEI_APP_ID: "abc" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe("meeting-monitor: HUAWEI_APP_ID is set but HUAWEI_APP_KEY is missing");
  });

  it("an account without its password is named", async () => {
    const { code, stderr } = await runToExit({ HUAWEI_ACCOUNT: "someone" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe("meeting-monitor: HUAWEI_ACCOUNT is set but HUAWEI_PASSWORD is missing");
  });

  it("real credentials with no dashboard users say how to add one", async () => {
    const { code, stderr } = await runToExit({ HUAWEI_APP_ID: "abc", HUAWEI_APP_KEY: "def" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(/No dashboard users in SQLite .*meeting-monitor\.sqlite\. Add one with: npm run user -- add admin --role admin/);
  });

  it("a production start without a build exits non-zero", async () => {
    const { code, stderr } = await runToExit({ NEXT_DIST_DIR: ".next-missing" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe("meeting-monitor: no production build in .next-missing: run `npm run build` first");
  });

  it("a store that cannot be opened stops the start with one line, password hidden", async () => {
    const { code, stderr } = await runToExit({ DATABASE_URL: "postgres://app:s3cret@127.0.0.1:1/meetings" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(/^meeting-monitor: cannot open the store \(PostgreSQL postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/meetings\): .*ECONNREFUSED/);
  });

  it("a bad PORT is named", async () => {
    const { code, stderr } = await runToExit({ PORT: "http" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe('meeting-monitor: PORT must be 0 to 65535, got "http"');
  });
});
