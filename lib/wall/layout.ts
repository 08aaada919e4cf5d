/**
 * How the wall's overview uses its screen. Whole tiles while every meeting fits as one; past that,
 * a compact row a meeting, in as many columns as fit; past what one screen of rows holds, pages,
 * each showing every meeting that needs someone first, so none of those is ever off the screen.
 */

/** A tile: its height and narrowest width in the wall's em. */
export const TILE = { heightEm: 11, minWidthEm: 24 };
/** A compact row: wide enough for a meeting's reasons in full where everything fits so, narrower to fit more. */
export const ROW_WIDE = { heightEm: 2.6, minWidthEm: 36 };
export const ROW = { heightEm: 2.6, minWidthEm: 28 };
/** The gap between tiles and rows, in em. */
export const GAP_EM = 0.6;

export interface WallArea {
  width: number;
  height: number;
  /** The wall's em in px. */
  fontSize: number;
}

export type WallForm = "tiles" | "rows";

/** How many items of a kind fit the area whole: columns of at least its width, rows of its height. */
export function capacity(area: WallArea, item: { heightEm: number; minWidthEm: number }): { columns: number; rows: number } {
  const gap = GAP_EM * area.fontSize;
  const columns = Math.max(1, Math.floor((area.width + gap) / (item.minWidthEm * area.fontSize + gap)));
  const rows = Math.max(1, Math.floor((area.height + gap) / (item.heightEm * area.fontSize + gap)));
  return { columns, rows };
}

export interface WallPages<T> {
  form: WallForm;
  columns: number;
  /** How much larger than their least size the rows are drawn, to fill a screen they would leave half empty. */
  scale: number;
  pages: T[][];
}

/** Rows grow at most this much, so a few meetings do not turn into a wall of giant text. */
const MAX_ROW_SCALE = 1.3;

/**
 * The overview's pages. `urgent` says which meetings need someone; `items` come sorted with those
 * first. Each page repeats them when they take at most half a page; more than that, and the
 * pages simply go through everything in order, urgent first.
 */
export function paginate<T>(items: readonly T[], urgent: (item: T) => boolean, area: WallArea): WallPages<T> {
  const tiles = capacity(area, TILE);
  if (items.length <= tiles.columns * tiles.rows) return { form: "tiles", columns: tiles.columns, scale: 1, pages: [[...items]] };
  const wide = capacity(area, ROW_WIDE);
  const rows = items.length <= wide.columns * wide.rows ? wide : capacity(area, ROW);
  const perPage = rows.columns * rows.rows;
  if (items.length <= perPage) {
    const gap = GAP_EM * area.fontSize;
    const needed = Math.ceil(items.length / rows.columns);
    // The gaps stay as they are: only the rows grow.
    const scale = Math.min(MAX_ROW_SCALE, ((area.height + gap) / needed - gap) / (ROW.heightEm * area.fontSize));
    return { form: "rows", columns: rows.columns, scale: Math.max(1, scale), pages: [[...items]] };
  }
  const pinned = items.filter(urgent);
  const pages: T[][] = [];
  if (pinned.length <= perPage / 2) {
    const rest = items.filter((i) => !urgent(i));
    const room = perPage - pinned.length;
    for (let i = 0; i < rest.length; i += room) pages.push([...pinned, ...rest.slice(i, i + room)]);
  } else {
    for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  }
  return { form: "rows", columns: rows.columns, scale: 1, pages };
}
