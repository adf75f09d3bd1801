import { describe, expect, it } from 'vitest';
import { contentHeight, gridMetrics, rowCount, scrollToReveal, tilePosition, visibleWindow } from './gridWindow';

describe('gridMetrics', () => {
  it('fits as many columns as the tile size allows and stretches tiles to fill the row', () => {
    const m = gridMetrics({ containerWidth: 1000, tileSize: 180, gap: 10, padding: 10, captionHeight: 40 });
    // inner 980: 5 × 180 + 4 × 10 = 940 fits, 6 × 180 + 5 × 10 = 1130 does not
    expect(m.columns).toBe(5);
    expect(m.tileWidth).toBe(Math.floor((980 - 40) / 5));
    expect(m.tileHeight).toBe(m.tileWidth + 40);
    expect(m.rowStride).toBe(m.tileHeight + 10);
  });

  it('keeps at least one column when the container is narrower than a tile', () => {
    const m = gridMetrics({ containerWidth: 50, tileSize: 200 });
    expect(m.columns).toBe(1);
    expect(m.tileWidth).toBeGreaterThan(0);
  });

  it('has more columns for smaller tiles', () => {
    const small = gridMetrics({ containerWidth: 1200, tileSize: 100 });
    const big = gridMetrics({ containerWidth: 1200, tileSize: 300 });
    expect(small.columns).toBeGreaterThan(big.columns);
  });
});

describe('visibleWindow', () => {
  const m = gridMetrics({ containerWidth: 1000, tileSize: 180, gap: 10, padding: 10, captionHeight: 40 });

  it('renders only the rows on screen plus overscan', () => {
    const w = visibleWindow(0, 800, 100_000, m, 2);
    expect(w.firstRow).toBe(0);
    const visibleRows = Math.ceil(800 / m.rowStride) + 1;
    expect(w.endRow).toBeLessThanOrEqual(visibleRows + 2);
    expect(w.end - w.start).toBeLessThan(100);
    expect(w.start).toBe(0);
  });

  it('moves with scrollTop', () => {
    const top = 500 * m.rowStride + m.padding;
    const w = visibleWindow(top, 800, 100_000, m, 2);
    expect(w.firstRow).toBe(498);
    expect(w.start).toBe(498 * m.columns);
    expect(w.end - w.start).toBeLessThan(100);
  });

  it('clamps at the end of the list', () => {
    const rows = rowCount(1003, m.columns);
    const w = visibleWindow(1e9, 800, 1003, m, 2);
    expect(w.endRow).toBe(rows);
    expect(w.end).toBe(1003);
    expect(w.start).toBeLessThan(w.end);
  });

  it('is empty for no items', () => {
    expect(visibleWindow(0, 800, 0, m)).toEqual({ firstRow: 0, endRow: 0, start: 0, end: 0 });
    expect(contentHeight(0, m)).toBe(0);
  });
});

describe('positions and scrolling', () => {
  const m = gridMetrics({ containerWidth: 1000, tileSize: 180, gap: 10, padding: 10, captionHeight: 40 });

  it('places tiles row by row', () => {
    expect(tilePosition(0, m)).toEqual({ x: 10, y: 10 });
    expect(tilePosition(m.columns + 1, m)).toEqual({ x: 10 + m.tileWidth + 10, y: 10 + m.rowStride });
  });

  it('gives the spacer the full height', () => {
    expect(contentHeight(100_000, m)).toBe(20 + rowCount(100_000, m.columns) * m.rowStride - 10);
  });

  it('scrolls the least to reveal a tile', () => {
    expect(scrollToReveal(0, 0, 800, m)).toBeNull();
    const below = scrollToReveal(m.columns * 10, 0, 800, m)!;
    const { y } = tilePosition(m.columns * 10, m);
    expect(below).toBe(y + m.tileHeight + m.padding / 2 - 800);
    const above = scrollToReveal(0, 5000, 800, m);
    expect(above).toBe(5);
  });
});
