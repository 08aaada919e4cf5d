"use client";

import { useEffect } from "react";

/** Renews the session now and every half hour while a page is open: nobody working is signed out mid-task. */
const EVERY_MS = 30 * 60_000;

export function SessionKeeper() {
  useEffect(() => {
    const renew = () => void fetch("/api/auth/renew", { method: "POST" }).catch(() => undefined);
    renew();
    const timer = setInterval(renew, EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
