import { describe, expect, it } from "vitest";
import { dateInZone, formatterCacheSize, huaweiZoneToIana, isoInZone, isValidTimeZone, zonedToUtc } from "./zoned-time";

describe("zoned time", () => {
  const t = Date.UTC(2026, 10, 21, 10, 30, 5);

  it("writes ISO 8601 with the zone's offset", () => {
    expect(isoInZone(t, "Asia/Shanghai")).toBe("2026-11-21T18:30:05+08:00");
    expect(isoInZone(t, "UTC")).toBe("2026-11-21T10:30:05+00:00");
    expect(isoInZone(t, "America/New_York")).toBe("2026-11-21T05:30:05-05:00");
  });

  it("finds the instant of a local midnight, across a DST change", () => {
    expect(zonedToUtc("2026-11-21", "00:00", "Asia/Shanghai")).toBe(Date.UTC(2026, 10, 20, 16, 0));
    expect(zonedToUtc("2026-03-08", "00:00", "America/New_York")).toBe(Date.UTC(2026, 2, 8, 5, 0));
    expect(zonedToUtc("2026-03-09", "00:00", "America/New_York")).toBe(Date.UTC(2026, 2, 9, 4, 0));
  });

  it("tells the local date of an instant", () => {
    expect(dateInZone(Date.UTC(2026, 10, 21, 20, 0), "Asia/Shanghai")).toBe("2026-11-22");
  });

  it("recognises IANA zones and Huawei's Beijing id", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Base")).toBe(false);
    expect(huaweiZoneToIana("56")).toBe("Asia/Shanghai");
    expect(huaweiZoneToIana("999")).toBeNull();
  });
});

describe("the formatter cache", () => {
  it("keeps one entry for every spelling of a zone, and stays bounded however many zones are asked", () => {
    const ms = Date.parse("2026-11-21T10:00:00Z");
    const spellings = Array.from({ length: 200 }, (_, i) => [..."asia/shanghai"].map((c, k) => ((i >> k) & 1 ? c.toUpperCase() : c)).join(""));
    const before = formatterCacheSize();
    for (const zone of spellings) expect(isoInZone(ms, zone)).toBe("2026-11-21T18:00:00+08:00");
    expect(formatterCacheSize() - before).toBeLessThanOrEqual(1);
    for (const zone of Intl.supportedValuesOf("timeZone")) isoInZone(ms, zone);
    expect(formatterCacheSize()).toBeLessThanOrEqual(64);
  });
});
