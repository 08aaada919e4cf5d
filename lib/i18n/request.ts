import { getRequestConfig } from "next-intl/server";
import { messagesFor, missingMessage } from "./messages";
import { requestLocale } from "./request-locale";

/** Each request's language and catalogue, for Server Components and (through the provider) the browser. */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesFor(locale), ...missingMessage };
});
