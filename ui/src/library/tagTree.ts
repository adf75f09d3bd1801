// The sidebar's tag tree as data: the core lists tags in path order with their counts (`tag_counts`); this builds
// the tree from that flat list, the rows shown once some tags are folded, where a dragged tag may go, and the folds
// remembered across restarts. No API calls here: TagTree.svelte does those.

import type { TagCount } from '../lib/api/types';

export interface TagNode {
  tag: TagCount;
  /** The last part of the path (`Sneaker` of `Brand/Product/Sneaker`). */
  leaf: string;
  /** 0 for a top-level tag. */
  depth: number;
  children: TagNode[];
}

/** ASCII-only lower case: the core compares tag paths without regard to (ASCII) case. */
export const pathKey = (path: string): string => path.replace(/[A-Z]/g, (c) => c.toLowerCase());

export const tagParent = (path: string): string | null => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null);
export const tagLeaf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Whether `path` lies beneath `tag` (not the tag itself). */
export function isBeneath(path: string, tag: string): boolean {
  return pathKey(path).startsWith(`${pathKey(tag)}/`);
}

/** The tree of a flat list in path order; a tag whose parent is not listed stands at the top (it should not happen). */
export function buildTagTree(tags: readonly TagCount[]): TagNode[] {
  const roots: TagNode[] = [];
  const byKey = new Map<string, TagNode>();
  for (const tag of tags) {
    const up = tagParent(tag.name);
    const parent = up === null ? undefined : byKey.get(pathKey(up));
    const node: TagNode = { tag, leaf: parent ? tagLeaf(tag.name) : tag.name, depth: parent ? parent.depth + 1 : 0, children: [] };
    (parent ? parent.children : roots).push(node);
    byKey.set(pathKey(tag.name), node);
  }
  return roots;
}

/** The rows shown: every node in order, less those beneath a folded one (folds keyed by `pathKey`). */
export function visibleRows(roots: readonly TagNode[], folded: ReadonlySet<string>): TagNode[] {
  const out: TagNode[] = [];
  const walk = (nodes: readonly TagNode[]) => {
    for (const n of nodes) {
      out.push(n);
      if (!folded.has(pathKey(n.tag.name))) walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** The path a tag gets when moved beneath `parent` (null: the top level). */
export function movedPath(path: string, parent: string | null): string {
  return parent === null ? tagLeaf(path) : `${parent}/${tagLeaf(path)}`;
}

/** Whether dropping `dragged` onto `target` (null: the top level) would move it: not onto itself, not beneath itself, not where it is. */
export function canDrop(dragged: string, target: string | null): boolean {
  const up = tagParent(dragged);
  if (target === null) return up !== null;
  if (pathKey(target) === pathKey(dragged) || isBeneath(target, dragged)) return false;
  return up === null || pathKey(up) !== pathKey(target);
}

/** The search for a tag and what is beneath it (always quoted: a path may hold spaces). */
export function tagQuery(path: string): string {
  return `tag:"${path.replace(/"/g, '')}"`;
}

const FOLDS_KEY = 'tessera.tagFolds';

/** The folded tags (or, with another `key`, collections) remembered (keys as `pathKey`); none when storage is unavailable or holds something else. */
export function loadFolds(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage, key = FOLDS_KEY): Set<string> {
  try {
    const v: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveFolds(folded: ReadonlySet<string>, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage, key = FOLDS_KEY): void {
  try {
    storage?.setItem(key, JSON.stringify([...folded]));
  } catch {
    // Not remembered; fine.
  }
}

/** `folded` with `path` folded or unfolded. */
export function toggleFold(folded: ReadonlySet<string>, path: string): Set<string> {
  const next = new Set(folded);
  const key = pathKey(path);
  if (!next.delete(key)) next.add(key);
  return next;
}
