// Window maths of the virtual grid: which rows are on screen, where each tile goes, how far to scroll to reveal one.

export interface GridMetrics {
  /** Tiles per row (at least 1). */
  columns: number;
  /** The tile's width (and the square thumbnail's height), stretched to fill the row. */
  tileWidth: number;
  /** The tile's full height: thumbnail plus the caption. */
  tileHeight: number;
  /** Distance from one row's top to the next row's top. */
  rowStride: number;
  gap: number;
  padding: number;
}

export interface MetricsInput {
  containerWidth: number;
  /** The tile size the user asked for (the slider); actual tiles stretch up to just under one more column. */
  tileSize: number;
  gap?: number;
  padding?: number;
  /** Height of the caption under the thumbnail. */
  captionHeight?: number;
}

export function gridMetrics({ containerWidth, tileSize, gap = 12, padding = 16, captionHeight = 44 }: MetricsInput): GridMetrics {
  const inner = Math.max(0, containerWidth - 2 * padding);
  const size = Math.max(1, tileSize);
  const columns = Math.max(1, Math.floor((inner + gap) / (size + gap)));
  const tileWidth = Math.max(1, Math.floor((inner - gap * (columns - 1)) / columns));
  const tileHeight = tileWidth + captionHeight;
  return { columns, tileWidth, tileHeight, rowStride: tileHeight + gap, gap, padding };
}

export function rowCount(itemCount: number, columns: number): number {
  return itemCount <= 0 ? 0 : Math.ceil(itemCount / Math.max(1, columns));
}

/** The height of the scrollable content for `itemCount` tiles. */
export function contentHeight(itemCount: number, m: GridMetrics): number {
  const rows = rowCount(itemCount, m.columns);
  return rows === 0 ? 0 : 2 * m.padding + rows * m.rowStride - m.gap;
}

export interface GridWindow {
  /** First row rendered (inclusive). */
  firstRow: number;
  /** Row after the last rendered one (exclusive). */
  endRow: number;
  /** Item indices rendered: [start, end). */
  start: number;
  end: number;
}

/** The rows visible at `scrollTop` in a viewport `viewportHeight` tall, plus `overscan` rows on each side. */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  itemCount: number,
  m: GridMetrics,
  overscan = 2,
): GridWindow {
  const rows = rowCount(itemCount, m.columns);
  if (rows === 0) return { firstRow: 0, endRow: 0, start: 0, end: 0 };
  const top = Math.max(0, scrollTop - m.padding);
  const firstVisible = Math.min(rows - 1, Math.floor(top / m.rowStride));
  const lastVisible = Math.min(rows - 1, Math.floor((top + Math.max(0, viewportHeight)) / m.rowStride));
  const firstRow = Math.max(0, firstVisible - overscan);
  const endRow = Math.min(rows, lastVisible + 1 + overscan);
  return {
    firstRow,
    endRow,
    start: firstRow * m.columns,
    end: Math.min(itemCount, endRow * m.columns),
  };
}

/** Where tile `index` sits inside the content. */
export function tilePosition(index: number, m: GridMetrics): { x: number; y: number } {
  const row = Math.floor(index / m.columns);
  const col = index % m.columns;
  return { x: m.padding + col * (m.tileWidth + m.gap), y: m.padding + row * m.rowStride };
}

/**
 * The scrollTop that brings tile `index` fully into view with the least movement, or null when it already is.
 */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, m: GridMetrics): number | null {
  const { y } = tilePosition(index, m);
  const top = y - m.padding / 2;
  const bottom = y + m.tileHeight + m.padding / 2;
  if (top < scrollTop) return Math.max(0, top);
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
