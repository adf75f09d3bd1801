// Multi-selection of grid tiles as pure functions over the ordered list of loaded ids.

import type { AssetId } from '../lib/api/types';

export interface Selection {
  readonly ids: ReadonlySet<AssetId>;
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

export const emptySelection: Selection = Object.freeze({ ids: new Set<AssetId>(), anchor: null, focus: null });

function range(order: readonly AssetId[], a: number, b: number): AssetId[] {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return order.slice(lo, hi + 1);
}

/** The selection after clicking the tile at `index` of `order`. */
export function clickSelect(sel: Selection, order: readonly AssetId[], index: number, mods: ClickModifiers = {}): Selection {
  const id = order[index];
  if (id === undefined) return sel;
  if (mods.shift) {
    const anchorIndex = sel.anchor === null ? -1 : order.indexOf(sel.anchor);
    if (anchorIndex >= 0) {
      const ids = new Set(mods.toggle ? sel.ids : []);
      for (const r of range(order, anchorIndex, index)) ids.add(r);
      return { ids, anchor: sel.anchor, focus: id };
    }
    return { ids: new Set([id]), anchor: id, focus: id };
  }
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id, focus: id };
  }
  return { ids: new Set([id]), anchor: id, focus: id };
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
    return { ids: new Set(range(order, from, next)), anchor: order[from]!, focus: id };
  }
  return { ids: new Set([id]), anchor: id, focus: id };
}

/** Selects every listed tile, keeping the focus where it is. */
export function selectAll(sel: Selection, order: readonly AssetId[]): Selection {
  if (order.length === 0) return emptySelection;
  const focus = sel.focus !== null && order.includes(sel.focus) ? sel.focus : order[0]!;
  return { ids: new Set(order), anchor: sel.anchor ?? focus, focus };
}

/**
 * Drops ids no longer listed (after a new search); keeps the focus and anchor when they survive. Returns `sel` itself
 * when nothing changes.
 */
export function retainSelection(sel: Selection, order: readonly AssetId[]): Selection {
  if (sel.ids.size === 0 && sel.focus === null) return sel;
  const present = new Set(order);
  const ids = new Set([...sel.ids].filter((id) => present.has(id)));
  const keep = (id: AssetId | null) => (id !== null && present.has(id) ? id : null);
  const anchor = keep(sel.anchor);
  const focus = keep(sel.focus);
  if (ids.size === sel.ids.size && anchor === sel.anchor && focus === sel.focus) return sel;
  return { ids, anchor, focus };
}

/** The selected ids in grid order. */
export function selectedInOrder(sel: Selection, order: readonly AssetId[]): AssetId[] {
  return order.filter((id) => sel.ids.has(id));
}
