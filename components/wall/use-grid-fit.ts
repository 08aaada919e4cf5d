"use client";

import { useLayoutEffect, useState } from "react";

/**
 * How many items of `rowEm` height fit a CSS grid without one being cut off: its columns times
 * its whole rows, measured again whenever the grid changes size (another screen, a banner).
 */
export function useGridFit(grid: React.RefObject<HTMLElement | null>, rowEm: number): number {
  const [fit, setFit] = useState(1_000);
  useLayoutEffect(() => {
    const el = grid.current;
    if (!el) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const columns = style.gridTemplateColumns.split(" ").filter(Boolean).length || 1;
      const gap = parseFloat(style.rowGap) || 0;
      const rows = Math.max(1, Math.floor((el.clientHeight + gap) / (rowEm * parseFloat(style.fontSize) + gap)));
      setFit(columns * rows);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [grid, rowEm]);
  return fit;
}
