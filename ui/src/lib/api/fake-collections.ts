// The fake library's collections, as the core keeps them (store/collections_sql.rs, collection_members_sql.rs):
// paths checked as `domain::collection_path` checks them, parents made on the way, unique in any case (the first
// spelling kept), membership on the assets (`Rec.collections`, by path, so search's `collection:` can follow it) and
// through the edit log (one undo step), counts, order, cover, rename with everything beneath, delete refused when not
// empty unless forced, smart collections whose count is their query's.

import { apiError, type Rec } from './fake-data';
import { nocase } from './fake-tags';
import type { AssetId, Collection, CollectionRef, DeleteOutcome } from './types';

interface Node {
  id: number;
  name: string;
  path: string;
  parent: number | null;
  kind: 'manual' | 'smart';
  query: string | null;
  cover: AssetId | null;
  variables: Record<string, string>;
  /** Manual order: ids of members, first first (members not listed follow in id order). */
  order: AssetId[];
}

/** The parts of a path, or the core's refusal naming the value. */
export function collectionPath(text: string): string[] {
  const bad = (reason: string): never => {
    throw apiError('invalid_input', `invalid collection name ${JSON.stringify(text)}: ${reason}`, 'collection');
  };
  const trimmed = text.trim();
  if (!trimmed) bad('a collection needs a name');
  if (trimmed.startsWith('/') || trimmed.endsWith('/')) bad("a path cannot start or end with '/'");
  const parts = trimmed.split('/').map((p) => p.trim());
  if (parts.some((p) => !p)) bad("a path cannot have an empty part ('//')");
  if (parts.some((p) => Array.from(p).length > 200)) bad('each part of a path is at most 200 characters');
  if (parts.length > 16) bad('collections nest at most 16 deep');
  // eslint-disable-next-line no-control-regex -- the core refuses control characters too
  if (/[\u0000-\u001f\u007f]/.test(text)) bad('a name cannot hold control characters');
  return parts;
}

export class FakeCollections {
  #nodes: Node[] = [];
  #next = 1;

  constructor(private readonly records: () => Rec[]) {}

  find(path: string): Node | undefined {
    return this.#nodes.find((n) => nocase(n.path) === nocase(path));
  }

  require(path: string): Node {
    const n = this.find(path);
    if (!n) throw apiError('not_found', `no collection ${JSON.stringify(path)}; \`tessera collection ls\` lists them`);
    return n;
  }

  manual(n: Node): Node {
    if (n.kind === 'smart') {
      throw apiError('conflict', `${JSON.stringify(n.path)} is a smart collection: its assets are what its query matches, they cannot be added, removed or ordered by hand`);
    }
    return n;
  }

  /** The collection at `parts`, made (with its parents, as manual ones) when missing. */
  ensure(parts: string[]): Node {
    let parent: Node | undefined;
    for (const part of parts) {
      if (parent) this.manual(parent);
      const path = parent ? `${parent.path}/${part}` : part;
      parent = this.find(path) ?? this.#insert(parent ?? null, part, path, 'manual', null);
    }
    return parent!;
  }

  addSmart(parts: string[], query: string): CollectionRef {
    const existing = this.find(parts.join('/'));
    if (existing) throw apiError('conflict', `a collection ${JSON.stringify(existing.path)} already exists`, 'collection');
    const parent = parts.length > 1 ? this.ensure(parts.slice(0, -1)) : null;
    const name = parts[parts.length - 1]!;
    return ref(this.#insert(parent, name, parent ? `${parent.path}/${name}` : name, 'smart', query.trim()));
  }

  #insert(parent: Node | null, name: string, path: string, kind: Node['kind'], query: string | null): Node {
    const n: Node = { id: this.#next++, name, path, parent: parent?.id ?? null, kind, query, cover: null, variables: {}, order: [] };
    this.#nodes.push(n);
    return n;
  }

  #subtree(n: Node): Node[] {
    const prefix = `${nocase(n.path)}/`;
    return this.#nodes.filter((x) => x === n || nocase(x.path).startsWith(prefix));
  }

  /** The collections an asset is in, by path, as `AssetDetail.collections`. */
  refsOf(a: Rec): CollectionRef[] {
    return (a.collections ?? [])
      .map((p) => this.find(p))
      .filter((n): n is Node => n !== undefined)
      .sort((x, y) => (nocase(x.path) < nocase(y.path) ? -1 : 1))
      .map(ref);
  }

  members(n: Node): AssetId[] {
    const ids = this.records().filter((r) => (r.collections ?? []).includes(n.path)).map((r) => r.id).sort((a, b) => a - b);
    const listed = n.order.filter((id) => ids.includes(id));
    return [...listed, ...ids.filter((id) => !listed.includes(id))];
  }

  reorder(n: Node, first: AssetId[]): AssetId[] {
    const current = this.members(this.manual(n));
    for (const id of first) {
      if (!current.includes(id)) {
        throw apiError('invalid_input', `asset ${id} is not in collection ${JSON.stringify(n.path)} (a cover or a reordered asset must be one of its assets)`, 'asset');
      }
    }
    n.order = [...new Set(first), ...current.filter((id) => !first.includes(id))];
    return [...n.order];
  }

  cover(n: Node, cover: AssetId | null): CollectionRef {
    if (cover !== null && n.kind === 'manual' && !this.members(n).includes(cover)) {
      throw apiError('invalid_input', `asset ${cover} is not in collection ${JSON.stringify(n.path)} (a cover or a reordered asset must be one of its assets)`, 'asset');
    }
    n.cover = cover;
    return ref(n);
  }

  rename(from: string, to: string[]): CollectionRef {
    const n = this.require(from);
    const parent = to.length > 1 ? this.ensure(to.slice(0, -1)) : null;
    const name = to[to.length - 1]!;
    const path = parent ? `${parent.path}/${name}` : name;
    if (nocase(path).startsWith(`${nocase(n.path)}/`)) {
      throw apiError('conflict', `cannot move collection ${JSON.stringify(n.path)} into itself (${JSON.stringify(path)})`);
    }
    const other = this.find(path);
    if (other && other !== n) throw apiError('conflict', `a collection ${JSON.stringify(other.path)} already exists`, 'collection');
    const old = n.path;
    for (const x of this.#subtree(n)) {
      const next = path + x.path.slice(old.length);
      for (const r of this.records()) r.collections = (r.collections ?? []).map((c) => (c === x.path ? next : c));
      x.path = next;
    }
    Object.assign(n, { name, parent: parent?.id ?? null });
    return ref(n);
  }

  delete(path: string, kind: Node['kind'], force: boolean): DeleteOutcome {
    const n = this.require(path);
    if (n.kind !== kind) {
      throw apiError('conflict', kind === 'smart' ? `${JSON.stringify(n.path)} is a manual collection, not a smart one` : `${JSON.stringify(n.path)} is a smart collection: its assets are what its query matches, they cannot be added, removed or ordered by hand`);
    }
    const all = this.#subtree(n);
    const paths = new Set(all.map((x) => x.path));
    const holders = this.records().filter((r) => (r.collections ?? []).some((c) => paths.has(c)));
    const memberships = holders.reduce((sum, r) => sum + (r.collections ?? []).filter((c) => paths.has(c)).length, 0);
    const children = all.length - 1;
    if (!force && (memberships > 0 || children > 0)) {
      throw apiError('conflict', `collection ${JSON.stringify(n.path)} is not empty (${holders.length} assets, ${children} collections beneath it); pass --yes to delete it (the assets stay)`);
    }
    for (const r of holders) r.collections = (r.collections ?? []).filter((c) => !paths.has(c));
    this.#nodes = this.#nodes.filter((x) => !all.includes(x));
    return { path: n.path, memberships, children };
  }

  /** The tree, by path, with counts; `count(query)` counts a smart collection's matches as search does. */
  tree(count: (query: string) => { total: number; exact: boolean }): Collection[] {
    const sorted = [...this.#nodes].sort((a, b) => (nocase(a.path) < nocase(b.path) ? -1 : nocase(a.path) > nocase(b.path) ? 1 : 0));
    const made = new Map<number, Collection>();
    const top: Collection[] = [];
    for (const n of sorted) {
      const counted = n.kind === 'smart' ? count(n.query ?? '') : { total: this.members(n).length, exact: true };
      const c: Collection = {
        id: n.id, name: n.name, path: n.path, parent: n.parent, kind: n.kind, count: counted.total, count_exact: counted.exact,
        query: n.query, cover: n.cover, variables: { ...n.variables }, children: [],
      };
      made.set(n.id, c);
      const parent = n.parent === null ? undefined : made.get(n.parent);
      (parent ? parent.children : top).push(c);
    }
    return top;
  }
}

export function ref(n: Node): CollectionRef {
  return { id: n.id, name: n.name, path: n.path };
}
