import { describe, expect, it } from 'vitest';
import {
  clickSelect,
  editTarget,
  emptySelection,
  hasSelection,
  isSelected,
  moveFocus,
  retainSelection,
  selectAll,
  selectedInOrder,
  type Selection,
} from './selection';

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
  it('selects the whole result as its query, not only the loaded rows, and keeps the focus', () => {
    const s = selectAll(clickSelect(emptySelection, order, 3), order, 'tag:summer');
    expect(s.all).toEqual({ query: 'tag:summer', except: new Set() });
    expect(s.ids.size).toBe(0);
    expect(s.focus).toBe(13);
    expect(isSelected(s, 99), 'a row not loaded yet is selected too').toBe(true);
    expect(selectAll(emptySelection, [], '')).toBe(emptySelection);
  });

  it('Ctrl+click takes tiles out of a select-all and puts them back; a plain click or an arrow ends it', () => {
    let s = selectAll(emptySelection, order, '');
    s = clickSelect(s, order, 2, { toggle: true });
    s = clickSelect(s, order, 4, { toggle: true });
    expect([...s.all!.except]).toEqual([12, 14]);
    expect(isSelected(s, 12)).toBe(false);
    expect(isSelected(s, 13)).toBe(true);
    s = clickSelect(s, order, 2, { toggle: true });
    expect([...s.all!.except]).toEqual([14]);
    // Ctrl+Shift adds the range back.
    const back = clickSelect(clickSelect(s, order, 5, { toggle: true }), order, 3, { shift: true, toggle: true });
    expect([...back.all!.except]).toEqual([]);
    expect(clickSelect(s, order, 1).all).toBeNull();
    expect(moveFocus(s, order, 1).all).toBeNull();
    expect(ids(clickSelect(s, order, 6, { shift: true }))).toEqual([12, 13, 14, 15, 16]);
  });

  it('a new search clears a select-all; the same query (another sort, a refresh) keeps it', () => {
    const s = selectAll(emptySelection, order, 'beach');
    expect(retainSelection(s, [...order].reverse(), 'beach')).toBe(s);
    const r = retainSelection(s, [13, 20], 'beach type:image');
    expect(r.all).toBeNull();
    expect(hasSelection(r)).toBe(false);
  });

  it('drops ids a new result no longer lists', () => {
    let s = clickSelect(emptySelection, order, 1);
    s = clickSelect(s, order, 4, { shift: true });
    const r = retainSelection(s, [13, 14, 20], '');
    expect(ids(r)).toEqual([13, 14]);
    expect(r.anchor).toBeNull();
    expect(r.focus).toBe(14);
  });

  it('lists the selection in grid order', () => {
    let s = clickSelect(emptySelection, order, 5);
    s = clickSelect(s, order, 1, { toggle: true });
    expect(selectedInOrder(s, order)).toEqual([11, 15]);
    const all = clickSelect(selectAll(s, order, ''), order, 0, { toggle: true });
    expect(selectedInOrder(all, order)).toEqual(order.slice(1));
  });
});

describe('editTarget', () => {
  const result = { ids: order, total: 25_000, totalExact: true, complete: false };

  it('sends a list as its ids', () => {
    const s = clickSelect(clickSelect(emptySelection, order, 1), order, 3, { shift: true });
    expect(editTarget(s, result)).toEqual({ selection: { kind: 'ids', ids: [11, 12, 13] }, ids: [11, 12, 13], count: 3, exact: true });
  });

  it('sends a select-all as the query less the exceptions, counted from the total', () => {
    const s = clickSelect(selectAll(emptySelection, order, 'tag:summer'), order, 0, { toggle: true });
    const t = editTarget(s, result);
    expect(t.selection).toEqual({ kind: 'query', query: 'tag:summer', except: [10] });
    expect([t.count, t.exact]).toEqual([24_999, true]);
    expect(t.ids).toEqual(order.slice(1));
    // A capped total is a lower bound; a result reached to its end is counted exactly.
    expect(editTarget(s, { ...result, total: 10_000, totalExact: false })).toMatchObject({ count: 9_999, exact: false });
    expect(editTarget(s, { ...result, complete: true })).toMatchObject({ count: 7, exact: true });
  });
});
