import { describe, expect, it } from "vitest";
import { DEFAULT_WALL_SETTINGS, parseWallSettings } from "./settings";

describe("parseWallSettings", () => {
  it("reads every setting", () => {
    const { settings, problems } = parseWallSettings(new URLSearchParams("rotate=45s&only=attention&q=sales&ids=123, 456&theme=light&tz=Asia/Shanghai&mask=initials&lang=zh-CN"));
    expect(problems).toEqual([]);
    expect(settings).toEqual({ rotate: 45_000, only: "attention", q: "sales", ids: ["123", "456"], theme: "light", tz: "Asia/Shanghai", mask: "initials", lang: "zh-CN" });
  });

  it("falls back to the default for a bad value and says so, keeping the good ones", () => {
    const { settings, problems } = parseWallSettings(new URLSearchParams("theme=purple&tz=Mars/Olympus&ids=12;drop table&mask=initials&zoom=3&rotate=2s&lang=fr"));
    expect(settings).toEqual({ ...DEFAULT_WALL_SETTINGS, mask: "initials" });
    expect(problems).toHaveLength(6);
    expect(problems).toContainEqual({ setting: "lang", value: "fr" });
    expect(problems).toContainEqual({ setting: "theme", value: "purple" });
    expect(problems).toContainEqual({ setting: "zoom", value: "3" });
  });

  it("is the default with no settings", () => {
    expect(parseWallSettings(new URLSearchParams())).toEqual({ settings: DEFAULT_WALL_SETTINGS, problems: [] });
  });
});
