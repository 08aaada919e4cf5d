"use client";

import { useEffect } from "react";
import { shouldReload } from "@/lib/wall/reload";

const CHECK_MS = 60_000;

async function serverVersion(): Promise<string | null> {
  try {
    const res = await fetch("/api/health", { cache: "no-store" });
    return res.ok ? ((await res.json()) as { version?: string }).version ?? null : null;
  } catch {
    return null;
  }
}

/** Reloads the wall when a new version of the dashboard is deployed, and once a day otherwise. */
export function ReloadOnNewVersion() {
  useEffect(() => {
    const loadedAt = Date.now();
    let loadedVersion: string | null = null;
    void serverVersion().then((v) => (loadedVersion = v));
    const timer = setInterval(async () => {
      const currentVersion = await serverVersion();
      loadedVersion ??= currentVersion;
      if (shouldReload({ loadedVersion, currentVersion, loadedAt, now: Date.now() })) window.location.reload();
    }, CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
