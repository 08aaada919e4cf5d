import { createTranslator } from "next-intl";
import type { ExportWords } from "@/lib/attendance/export";
import type { Locale } from "./locales";
import { messagesFor } from "./messages";

/** The words of a download (headers, sheet and file names, device and media names) in `locale`. */
export function exportWords(locale: Locale): ExportWords {
  const messages = messagesFor(locale);
  const t = createTranslator({ locale, messages, namespace: "exports" });
  const words = createTranslator({ locale, messages, namespace: "words" });
  return {
    t: (key, values) => t(key, values),
    records: { device: (kind) => words("device", { kind }), media: (kind) => words("media", { kind }) },
  };
}
