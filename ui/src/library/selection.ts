// Multi-selection of grid tiles as pure functions over the ordered list of reached ids.
//
// A selection is a set of ids, or, after Ctrl+A, "every match of this query" less the tiles Ctrl-clicked off: the
// whole result however much of it is loaded, which an edit sends to the core as one query selection.

import type { AssetId, Selection as EditSelection } from '../lib/api/types';

/** Select-all: the whole result of `query`, less `except`. */
export interface AllOf {
  readonly query: string;
  readonly except: ReadonlySet<AssetId>;
}

export interface Selection {
  /** The tiles selected one by one or by range (empty while `all` is set). */
  readonly ids: ReadonlySet<AssetId>;
  /** Set by "select all": every match of the query, loaded or not. */
  readonly all: AllOf | null;
  /** Where a Shift range starts: the last plain or Ctrl/Cmd click. */
  readonly anchor: AssetId | null;
  /** The tile keyboard moves start from (and quick look shows). */
  readonly focus: AssetId | null;
}

export interface ClickModifiers {
  /** Shift: select the range from the anchor. */
  shift?: boolean;
  /** Ctrl (Cmd on macOS): toggle one tile, or add a range to the selection with Shift. */
  toggle?: boolean;
}

export const emptySelection: Selection = Object.freeze({ ids: new Set<AssetId>(), all: null, anchor: null, focus: null });

const none: ReadonlySet<AssetId> = new Set();

function range(order: readonly AssetId[], a: number, b: number): AssetId[] {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return order.slice(lo, hi + 1);
}

/** Whether the tile with `id` is selected. */
export function isSelected(sel: Selection, id: AssetId): boolean {
  return sel.all ? !sel.all.except.has(id) : sel.ids.has(id);
}

/** Whether anything is selected. */
export function hasSelection(sel: Selection): boolean {
  return sel.all !== null || sel.ids.size > 0;
}

/** The selection after clicking the tile at `index` of `order`. */
export function clickSelect(sel: Selection, order: readonly AssetId[], index: number, mods: ClickModifiers = {}): Selection {
  const id = order[index];
  if (id === undefined) return sel;
  if (mods.shift) {
    const anchorIndex = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
    if (anchorIndex >= 0) {
      const rows = range(order, anchorIndex, index);
      if (mods.toggle && sel.all) {
        // Adding a range to "everything but a few" takes the range out of the exceptions.
        const except = new Set(sel.all.except);
        for (const r of rows) except.delete(r);
        return { ids: none, all: { query: sel.all.query, except }, anchor: sel.anchor, focus: id };
      }
      const ids = new Set(mods.toggle ? sel.ids : []);
      for (const r of rows) ids.add(r);
      return { ids, all: null, anchor: sel.anchor, focus: id };
    }
    return { ids: new Set([id]), all: null, anchor: id, focus: id };
  }
  if (mods.toggle) {
    if (sel.all) {
      const except = new Set(sel.all.except);
      if (except.has(id)) except.delete(id);
      else except.add(id);
      return { ids: none, all: { query: sel.all.query, except }, anchor: id, focus: id };
    }
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, all: null, anchor: id, focus: id };
  }
  return { ids: new Set([id]), all: null, anchor: id, focus: id };
}

/**
 * The selection after moving the focus by `delta` tiles (arrow keys: ±1 across, ±columns down/up), clamped to the
 * list. With `extend` (Shift) the selection becomes the range from the anchor to the new focus.
 */
export function moveFocus(sel: Selection, order: readonly AssetId[], delta: number, extend = false): Selection {
  if (order.length === 0) return sel;
  const current = sel.focus === null ? -1 : order.indexOf(sel.focus);
  let next: number;
  if (current < 0) next = delta < 0 ? order.length - 1 : 0;
  else next = Math.min(order.length - 1, Math.max(0, current + delta));
  // Moving down from the last row would clamp to the last tile; moving past the ends stays put.
  const id = order[next]!;
  if (extend) {
    const anchorIndex = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
    const from = anchorIndex >= 0 ? anchorIndex : Math.max(0, current);
    return { ids: new Set(range(order, from, next)), all: null, anchor: order[from]!, focus: id };
  }
  return { ids: new Set([id]), all: null, anchor: id, focus: id };
}

/**
 * Selects the whole result of `query` (not only the reached rows `order`), keeping the focus where it is. Nothing is
 * selected when the result is empty.
 */
export function selectAll(sel: Selection, order: readonly AssetId[], query: string): Selection {
  if (order.length === 0) return emptySelection;
  const focus = sel.focus !== null && order.includes(sel.focus) ? sel.focus : order[0]!;
  return { ids: none, all: { query, except: none }, anchor: sel.anchor ?? focus, focus };
}

/**
 * The selection once a search for `query` lists `order`: a select-all of another query is cleared, ids no longer
 * listed are dropped; the focus and anchor stay when they survive. Returns `sel` itself when nothing changes.
 */
export function retainSelection(sel: Selection, order: readonly AssetId[], query: string): Selection {
  if (sel.ids.size === 0 && sel.all === null && sel.focus === null) return sel;
  const present = new Set(order);
  const keep = (id: AssetId | null) => (id !== null && present.has(id) ? id : null);
  const anchor = keep(sel.anchor);
  const focus = keep(sel.focus);
  // The same query sorted another way is the same set of assets.
  const all = sel.all !== null && sel.all.query === query ? sel.all : null;
  const ids = sel.ids.size === 0 ? sel.ids : new Set([...sel.ids].filter((id) => present.has(id)));
  if (ids.size === sel.ids.size && all === sel.all && anchor === sel.anchor && focus === sel.focus) return sel;
  return { ids, all, anchor, focus };
}

/** The selected ids among `order`, in grid order (for a select-all: those reached so far). */
export function selectedInOrder(sel: Selection, order: readonly AssetId[]): AssetId[] {
  return order.filter((id) => isSelected(sel, id));
}

/** What the inspector and the rating keys act on. */
export interface EditTarget {
  /** The selection as the core takes it: a list, or the query less its exceptions. */
  selection: EditSelection;
  /** The selected ids reached so far, in grid order (all of them for a list). */
  ids: AssetId[];
  /** How many assets are selected; at least this many when `exact` is false. */
  count: number;
  exact: boolean;
}

/** The result the selection was made in: its reached ids, and its total as the core counted it. */
export interface ResultShape {
  ids: readonly AssetId[];
  total: number;
  totalExact: boolean;
  /** Every row of the result has been reached. */
  complete: boolean;
}

export function editTarget(sel: Selection, result: ResultShape): EditTarget {
  const ids = selectedInOrder(sel, result.ids);
  if (!sel.all) return idTarget(ids);
  const { query, except } = sel.all;
  const selection: EditSelection = { kind: 'query', query, except: [...except] };
  if (result.complete) return { selection, ids, count: ids.length, exact: true };
  // `except` holds tiles clicked in this result, so they are part of its total.
  return { selection, ids, count: Math.max(ids.length, result.total - except.size), exact: result.totalExact };
}

/** A plain list of assets as an edit target. */
export function idTarget(ids: AssetId[]): EditTarget {
  return { selection: { kind: 'ids', ids }, ids, count: ids.length, exact: true };
}
