"use client";

import { useLayoutEffect, useState } from "react";
import type { WallArea } from "@/lib/wall/layout";

/** The size of the wall's overview area and its em, measured again whenever it changes (another screen, a banner). */
export function useWallArea(area: React.RefObject<HTMLElement | null>): WallArea | null {
  const [size, setSize] = useState<WallArea | null>(null);
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    const measure = () => {
      const next = { width: el.clientWidth, height: el.clientHeight, fontSize: parseFloat(getComputedStyle(el).fontSize) || 16 };
      // A hidden area (a meeting's grid in rotation) measures nothing: keep the last real size.
      if (next.width && next.height) setSize((s) => (s && s.width === next.width && s.height === next.height && s.fontSize === next.fontSize ? s : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [area]);
  return size;
}
