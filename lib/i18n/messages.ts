import type { IntlError } from "next-intl";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

/** Shown instead of a missing message, so a test (and a user) sees ⟦key⟧ rather than a plausible word. */
export const MISSING_MARK = "⟦";

export const missingMessage = {
  getMessageFallback: ({ namespace, key }: { namespace?: string; key: string }) => `${MISSING_MARK}${namespace ? `${namespace}.` : ""}${key}⟧`,
  onError: (error: IntlError) => {
    if (process.env.NODE_ENV !== "production") console.error(error.message);
  },
} satisfies { getMessageFallback: unknown; onError: unknown };
