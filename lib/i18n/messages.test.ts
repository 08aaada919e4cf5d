import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import { LOCALES, localeFromAcceptLanguage, pickLocale } from "./locales";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message takes: `{name}`, `{count, plural, …}`, `{role, select, …}`, nested ones too. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) names.add(e.value);
      if (e.type === TYPE.select || e.type === TYPE.plural) {
        names.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      }
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const catalogues = { en: leaves(en), "zh-CN": leaves(zhCN) } as const;

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    const all = new Set([...catalogues.en.keys(), ...catalogues["zh-CN"].keys()]);
    for (const locale of LOCALES) expect([...all].filter((k) => !catalogues[locale].has(k)), `missing in ${locale}`).toEqual([]);
  });

  it("take the same arguments in every language", () => {
    for (const [key, message] of catalogues.en) expect(argumentsOf(catalogues["zh-CN"].get(key)!), key).toEqual(argumentsOf(message));
  });

  it("are valid ICU messages that format without errors and leave no empty text", () => {
    for (const locale of LOCALES) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: locale === "en" ? en : zhCN, onError: (e) => errors.push(e.message) });
      for (const [key, message] of catalogues[locale]) {
        const values = Object.fromEntries(argumentsOf(message).map((a) => [a, 2]));
        const text = (t as (k: string, v: object) => string)(key, values);
        // A role message may be empty for a plain participant (select "other"); nothing else is.
        if (!key.endsWith(".role")) expect(text.trim(), `${locale} ${key}`).not.toBe("");
      }
      expect(errors, locale).toEqual([]);
    }
  });
});

describe("choosing the language", () => {
  it("takes the best match from Accept-Language, Chinese variants included", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,zh-CN;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
    expect(localeFromAcceptLanguage("@@@, ;;q=x")).toBe("en");
  });

  it("prefers an explicit choice, then the remembered one, then the browser's", () => {
    expect(pickLocale("zh-CN", "en", "en")).toBe("zh-CN");
    expect(pickLocale(null, "zh-CN", "en")).toBe("zh-CN");
    expect(pickLocale("xx", "yy", "zh-CN")).toBe("zh-CN");
  });
});
