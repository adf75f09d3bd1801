// The sidebar's collections as data: the core lists them as a tree (`collections`); this flattens it into the rows
// shown once some are folded (folds remembered as the tag tree's are, under their own key), splits manual from smart
// ones, and carries the dragged tiles (a `Selection`) under a custom MIME type. No API calls here.

import type { Collection, Selection } from '../lib/api/types';
import { pathKey } from './tagTree';

export interface CollectionRow {
  c: Collection;
  depth: number;
}

export const COLLECTION_FOLDS_KEY = 'tessera.collectionFolds';
/** The MIME type of tiles dragged out of the grid: JSON of the core's `Selection`. */
export const ASSETS_MIME = 'application/x-tessera-assets';

/** The rows shown, depth first, less those beneath a folded one (folds keyed by `pathKey`); `kind` filters. */
export function collectionRows(roots: readonly Collection[], folded: ReadonlySet<string>, kind: Collection['kind']): CollectionRow[] {
  const out: CollectionRow[] = [];
  const walk = (nodes: readonly Collection[], depth: number) => {
    for (const c of nodes) {
      if (c.kind !== kind) {
        // A smart collection beneath a manual one is listed with the smart ones, at the top level.
        if (kind === 'smart') walk(c.children, depth);
        continue;
      }
      out.push({ c, depth: kind === 'smart' ? 0 : depth });
      if (!folded.has(pathKey(c.path))) walk(c.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

const quote = (s: string) => `"${s.replace(/"/g, '')}"`;

/** The search for a collection (with what is beneath it) or a smart one. */
export function collectionQuery(c: Pick<Collection, 'kind' | 'path'>): string {
  return c.kind === 'smart' ? `smart:${quote(c.path)}` : `collection:${quote(c.path)}`;
}

export function encodeDrag(selection: Selection): string {
  return JSON.stringify(selection);
}

/** The dragged selection, or null when the data is not ours. */
export function decodeDrag(data: string | undefined | null): Selection | null {
  if (!data) return null;
  try {
    const v = JSON.parse(data) as Selection;
    if (v?.kind === 'ids' && Array.isArray(v.ids)) return { kind: 'ids', ids: v.ids.filter((x) => typeof x === 'number') };
    if (v?.kind === 'query' && typeof v.query === 'string' && Array.isArray(v.except)) return { kind: 'query', query: v.query, except: v.except };
    return null;
  } catch {
    return null;
  }
}

/** Whether a drag carries tiles (types are readable during dragover, the data only on drop). */
export function carriesAssets(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types ?? []).includes(ASSETS_MIME);
}
