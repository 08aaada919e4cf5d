import { describe, expect, it } from "vitest";
import { personMatcher } from "./person-match";

const wang = { name: "王小明", number: "+8613800138000", account: "wangxm" };
const bob = { name: "Bob Smith", number: null, account: "bob@example.com" };
const li = { name: "李雷", number: "+99111283523475338", account: null };
const find = (q: string) => [wang, bob, li].filter(personMatcher(q)).map((p) => p.name);

describe("finding a person", () => {
  it("by part of a name, in any case", () => {
    expect(find("smi")).toEqual(["Bob Smith"]);
    expect(find("小明")).toEqual(["王小明"]);
  });

  it("by a Chinese name's pinyin, whole, in part, with spaces or by initials", () => {
    expect(find("wang")).toEqual(["王小明"]);
    expect(find("Wang Xiao")).toEqual(["王小明"]);
    expect(find("xiaoming")).toEqual(["王小明"]);
    expect(find("wxm")).toEqual(["王小明"]);
    expect(find("lei")).toEqual(["李雷"]);
  });

  it("by account or by the digits of a number, however it is written", () => {
    expect(find("bob@")).toEqual(["Bob Smith"]);
    expect(find("+86 138 0013")).toEqual(["王小明"]);
    expect(find("3523475")).toEqual(["李雷"]);
  });

  it("finds nobody for what nobody matches, and does not match a few digits inside a name's pinyin", () => {
    expect(find("zhang")).toEqual([]);
    expect(find("12")).toEqual([]);
  });
});
