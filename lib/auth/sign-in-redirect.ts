import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PAGE_URL_HEADER } from "@/lib/i18n/locales";
import { safeNext } from "./safe-next";

/** Sends a signed-out visitor to sign in, keeping the whole page they asked for (same site only) to come back to. */
export async function redirectToSignIn(): Promise<never> {
  const next = safeNext((await headers()).get(PAGE_URL_HEADER));
  redirect(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
}
