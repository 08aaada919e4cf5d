"use client";

import { useSyncExternalStore } from "react";

/**
 * A per-browser setting kept in localStorage, read through useSyncExternalStore so every
 * component (and every tab, through the storage event) sees a change at once.
 */
export function storedSetting<T extends string>(key: string, parse: (raw: string | null) => T, serverValue: T) {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const subscribe = (cb: () => void) => {
    listeners.add(cb);
    const onStorage = (e: StorageEvent) => e.key === key && cb();
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(cb);
      window.removeEventListener("storage", onStorage);
    };
  };
  const read = () => parse(localStorage.getItem(key));
  return {
    use: () => useSyncExternalStore(subscribe, read, () => serverValue),
    /** Stores a value; null forgets it (back to the default). */
    write(value: T | null) {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      notify();
    },
  };
}
