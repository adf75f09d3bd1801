import { describe, expect, it } from 'vitest';
import { clickSelect, emptySelection, moveFocus, retainSelection, selectAll, selectedInOrder, type Selection } from './selection';

const order = [10, 11, 12, 13, 14, 15, 16, 17];
const ids = (s: Selection) => [...s.ids].sort((a, b) => a - b);

describe('clickSelect', () => {
  it('a plain click selects only that tile and anchors there', () => {
    let s = clickSelect(emptySelection, order, 2);
    s = clickSelect(s, order, 5);
    expect(ids(s)).toEqual([15]);
    expect(s.anchor).toBe(15);
    expect(s.focus).toBe(15);
  });

  it('Shift+click selects the range from the anchor, either direction', () => {
    let s = clickSelect(emptySelection, order, 2);
    s = clickSelect(s, order, 5, { shift: true });
    expect(ids(s)).toEqual([12, 13, 14, 15]);
    expect(s.anchor).toBe(12);
    s = clickSelect(s, order, 0, { shift: true });
    expect(ids(s)).toEqual([10, 11, 12]);
    expect(s.focus).toBe(10);
  });

  it('Shift+click without an anchor acts like a plain click', () => {
    const s = clickSelect(emptySelection, order, 3, { shift: true });
    expect(ids(s)).toEqual([13]);
    expect(s.anchor).toBe(13);
  });

  it('Ctrl/Cmd+click toggles one tile and moves the anchor', () => {
    let s = clickSelect(emptySelection, order, 1);
    s = clickSelect(s, order, 4, { toggle: true });
    expect(ids(s)).toEqual([11, 14]);
    s = clickSelect(s, order, 1, { toggle: true });
    expect(ids(s)).toEqual([14]);
    expect(s.anchor).toBe(11);
  });

  it('Ctrl+Shift+click adds a range to the selection', () => {
    let s = clickSelect(emptySelection, order, 0);
    s = clickSelect(s, order, 5, { toggle: true });
    s = clickSelect(s, order, 7, { shift: true, toggle: true });
    expect(ids(s)).toEqual([10, 15, 16, 17]);
  });

  it('ignores clicks outside the list', () => {
    const s = clickSelect(emptySelection, order, 99);
    expect(s).toBe(emptySelection);
  });
});

describe('moveFocus', () => {
  it('starts at the first tile, moves and clamps', () => {
    let s = moveFocus(emptySelection, order, 1);
    expect(s.focus).toBe(10);
    s = moveFocus(s, order, 3);
    expect(s.focus).toBe(13);
    expect(ids(s)).toEqual([13]);
    s = moveFocus(s, order, 100);
    expect(s.focus).toBe(17);
    s = moveFocus(s, order, -100);
    expect(s.focus).toBe(10);
  });

  it('with Shift extends from the anchor', () => {
    let s = clickSelect(emptySelection, order, 2);
    s = moveFocus(s, order, 2, true);
    expect(ids(s)).toEqual([12, 13, 14]);
    s = moveFocus(s, order, -4, true);
    expect(ids(s)).toEqual([10, 11, 12]);
    expect(s.anchor).toBe(12);
  });

  it('does nothing on an empty list', () => {
    expect(moveFocus(emptySelection, [], 1)).toBe(emptySelection);
  });
});

describe('selectAll, retainSelection, selectedInOrder', () => {
  it('selects everything loaded and keeps the focus', () => {
    const s = selectAll(clickSelect(emptySelection, order, 3), order);
    expect(s.ids.size).toBe(order.length);
    expect(s.focus).toBe(13);
  });

  it('drops ids a new result no longer lists', () => {
    let s = clickSelect(emptySelection, order, 1);
    s = clickSelect(s, order, 4, { shift: true });
    const r = retainSelection(s, [13, 14, 20]);
    expect(ids(r)).toEqual([13, 14]);
    expect(r.anchor).toBeNull();
    expect(r.focus).toBe(14);
  });

  it('lists the selection in grid order', () => {
    let s = clickSelect(emptySelection, order, 5);
    s = clickSelect(s, order, 1, { toggle: true });
    expect(selectedInOrder(s, order)).toEqual([11, 15]);
  });
});
