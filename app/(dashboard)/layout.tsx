import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app/app-header";
import { SessionKeeper } from "@/components/app/session-keeper";
import { currentViewer } from "@/lib/auth/session";
import { redirectToSignIn } from "@/lib/auth/sign-in-redirect";
import { services } from "@/lib/services";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const viewer = await currentViewer(await cookies());
  if (!viewer) return redirectToSignIn();
  // A wall display has no desk pages: it reads only what the wall shows.
  if (viewer.role === "wall") redirect("/wall");
  return (
    <>
      <SessionKeeper />
      <AppHeader username={viewer.username} role={viewer.role} simulated={services().simulated} />
      <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">{children}</main>
    </>
  );
}
