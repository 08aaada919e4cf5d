"use client";

import { useSyncExternalStore } from "react";

const KEY = "mm.timeZone";
const listeners = new Set<() => void>();

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function read(): string {
  return localStorage.getItem(KEY) || browserTimeZone();
}

/** The zone the user picked (remembered in this browser), defaulting to the browser's own. */
export function useTimeZone(): [string, (tz: string) => void] {
  const tz = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    read,
    () => "UTC",
  );
  const set = (next: string) => {
    if (next === browserTimeZone()) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
    listeners.forEach((l) => l());
  };
  return [tz, set];
}

export function TimeZonePicker() {
  const [tz, setTz] = useTimeZone();
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only text-slate-500 sm:not-sr-only dark:text-slate-400">Time zone</span>
      <select
        value={tz}
        onChange={(e) => setTz(e.target.value)}
        className="max-w-44 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {!zones.includes(tz) && <option value={tz}>{tz}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </label>
  );
}
