import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SessionKeeper } from "@/components/app/session-keeper";
import { ReloadOnNewVersion } from "@/components/wall/reload-on-new-version";
import { WallPage } from "@/components/wall/wall-page";
import { currentViewer } from "@/lib/auth/session";
import { redirectToSignIn } from "@/lib/auth/sign-in-redirect";
import { services } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("wall") };
}

/** The NOC wall: for wall displays and admins; a host goes back to their desk pages. */
export default async function Wall({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await currentViewer(await cookies());
  if (!viewer) return redirectToSignIn();
  if (viewer.role === "host") redirect("/");
  // The page's own background from the first byte, so a reload never flashes white on a dark wall.
  const background = (await searchParams).theme === "light" ? "#f1f5f9" : "#020617";
  return (
    <Suspense>
      <style>{`html,body{background:${background} !important}`}</style>
      <SessionKeeper />
      <ReloadOnNewVersion />
      <WallPage simulated={services().simulated} />
    </Suspense>
  );
}
