import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Makes every `t("...")` key a type: a key missing from the English catalogue fails typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
