import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SessionKeeper } from "@/components/app/session-keeper";
import { WallPage } from "@/components/wall/wall-page";
import { currentViewer } from "@/lib/auth/session";
import { services } from "@/lib/services";

export const metadata: Metadata = { title: "Wall · Meeting Monitor" };

/** The NOC wall: for wall displays and admins; a host goes back to their desk pages. */
export default async function Wall() {
  const viewer = await currentViewer(await cookies());
  if (!viewer) redirect("/login?next=/wall");
  if (viewer.role === "host") redirect("/");
  return (
    <Suspense>
      <SessionKeeper />
      <WallPage simulated={services().simulated} />
    </Suspense>
  );
}
