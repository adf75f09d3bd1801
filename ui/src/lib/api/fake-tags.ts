// The fake library's tags, as the core keeps them (domain/tag.rs, store/tags_sql.rs, store/tag_tree_sql.rs): a tag is
// a path (`Brand/Product/Sneaker`) whose ancestors exist too; paths are unique without regard to case (SQLite's
// NOCASE, which folds ASCII letters only) and the first spelling seen wins; a synonym, or a path a rename or merge
// left behind, resolves to its tag in searches and edits. An asset keeps its tags as paths (its own tags only, not
// their ancestors), listed in NOCASE order. Rename, move, merge and delete rewrite the assets' paths as the core's
// one transaction does, and answer with what they touched.

import { apiError, type Rec } from './fake-data';
import type { TagAssets, TagCount } from './types';

/** ASCII-only lower case: how SQLite's NOCASE compares. */
export function nocase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function byNocase(a: string, b: string): number {
  const x = nocase(a);
  const y = nocase(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** By code point, as SQLite orders UTF-8 text (UTF-16 order differs above U+E000). */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const debug = (s: string) => JSON.stringify(s);

function invalid(name: string, reason: string): never {
  throw apiError('invalid_input', `invalid tag ${debug(name)}: ${reason}`, 'tag');
}

/** Trims a tag path and each of its parts and checks it, as the core's `normalise_tag` does. */
export function normaliseTag(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) invalid(name, 'a tag needs a name');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) invalid(name, 'a tag cannot hold control characters');
  if (trimmed.startsWith('/') || trimmed.endsWith('/')) invalid(name, "a tag path cannot start or end with '/'");
  const parts = trimmed.split('/').map((p) => p.trim());
  if (parts.some((p) => !p)) invalid(name, "a tag path cannot have an empty part ('//')");
  const path = parts.join('/');
  if (Array.from(path).length > 200) invalid(name, 'a tag path is at most 200 characters');
  return path;
}

/** A colour as `#rrggbb` (lower case), from `#rgb`, `#rrggbb` or either without the `#` (`normalise_colour`). */
export function normaliseColour(colour: string): string {
  const hex = colour.trim().replace(/^#+/, '');
  if (!/^[0-9a-f]*$/i.test(hex) || (hex.length !== 3 && hex.length !== 6)) {
    throw apiError('invalid_input', `invalid colour ${debug(colour)}: give it as #rrggbb or #rgb`, 'colour');
  }
  const full = hex.length === 3 ? Array.from(hex, (c) => c + c).join('') : hex;
  return `#${full.toLowerCase()}`;
}

export const tagParent = (path: string): string | null => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null);
export const tagLeaf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const isBeneath = (path: string, tag: string) => nocase(path).startsWith(`${nocase(tag)}/`);

function conflict(action: string, from: string, to: string, reason: string): never {
  throw apiError('conflict', `cannot ${action} tag ${debug(from)} to ${debug(to)}: ${reason}`, 'tag');
}

interface Tag {
  name: string;
  colour: string | null;
}

/** A tag taken off an asset (by a delete), as the edit log records it. */
export interface TagRemoval {
  asset: Rec;
  tag: string;
}

/** What a rename, move, merge or delete touched (the core's `TagChange` without the log entry). */
export interface Reshaped {
  tag: string;
  tags: number;
  assets: Set<number>;
}

/** The library's tag tree. Like the core's `tags` table, a tag stays once made, used or not (until deleted). */
export class TagTree {
  #tags = new Map<string, Tag>();
  #synonyms = new Map<string, { name: string; tag: Tag }>();

  /** The tag of that path or synonym (any case), as the core's `find_tag`. */
  find(name: string): Tag | undefined {
    const key = nocase(name);
    return this.#tags.get(key) ?? this.#synonyms.get(key)?.tag;
  }

  #existing(name: string): Tag {
    const tag = this.find(name);
    if (!tag) throw apiError('not_found', `no tag ${debug(name)}; \`tessera tag ls\` lists them`);
    return tag;
  }

  /** The tag of a (normalised) path, made with its missing ancestors; each part resolves as a whole path would. */
  create(path: string): Tag {
    const found = this.find(path);
    if (found) return found;
    const up = tagParent(path);
    const parent = up === null ? null : this.create(up);
    const name = parent ? `${parent.name}/${tagLeaf(path)}` : path;
    const again = this.find(name);
    if (again) return again;
    const tag = { name, colour: null };
    this.#tags.set(nocase(name), tag);
    return tag;
  }

  /** The library's path for `name` (checked), made when new. */
  spell(name: string): string {
    return this.create(normaliseTag(name)).name;
  }

  /** `tags` with `add` (resolved, made when new) and without `remove` (resolved), in NOCASE order. */
  apply(tags: readonly string[], add: readonly string[], remove: readonly string[] = []): string[] {
    const out = new Map(tags.map((t) => [nocase(t), t]));
    for (const t of remove) {
      const tag = this.find(normaliseTag(t));
      if (tag) out.delete(nocase(tag.name));
    }
    for (const t of add) {
      const spelled = this.spell(t);
      out.set(nocase(spelled), spelled);
    }
    return [...out.values()].sort(byNocase);
  }

  /** The tag and every tag beneath it, the tag first, then by path (as `subtree`). */
  #subtree(tag: Tag): Tag[] {
    const key = nocase(tag.name);
    const below = [...this.#tags.entries()].filter(([k]) => k.startsWith(`${key}/`)).map(([, t]) => t);
    below.sort((a, b) => a.name.length - b.name.length || byCodePoint(a.name, b.name));
    return [tag, ...below];
  }

  /** The nocase paths `tag:NAME` finds (the tag and what is beneath it; `exact`: the tag alone), or null. */
  matching(name: string, exact: boolean): Set<string> | null {
    const tag = this.find(name);
    if (!tag) return null;
    return new Set((exact ? [tag] : this.#subtree(tag)).map((t) => nocase(t.name)));
  }

  /** The tree in path order (each tag right before those beneath it), tags no asset carries left out. */
  counts(records: readonly Rec[]): TagCount[] {
    const own = new Map<string, number>();
    const total = new Map<string, number>();
    for (const r of records) {
      const reached = new Set<string>();
      for (const t of r.tags) {
        const key = nocase(t);
        own.set(key, (own.get(key) ?? 0) + 1);
        for (let p: string | null = key; p !== null; p = tagParent(p)) reached.add(p);
      }
      for (const k of reached) total.set(k, (total.get(k) ?? 0) + 1);
    }
    const synonyms = new Map<Tag, string[]>();
    for (const s of [...this.#synonyms.values()].sort((a, b) => byNocase(a.name, b.name))) {
      synonyms.set(s.tag, [...(synonyms.get(s.tag) ?? []), s.name]);
    }
    const order = (name: string) => nocase(name).replaceAll('/', '\u0001');
    return [...this.#tags.entries()]
      .filter(([k]) => (total.get(k) ?? 0) > 0)
      .sort(([a], [b]) => byCodePoint(order(a), order(b)))
      .map(([k, t]) => ({ name: t.name, count: own.get(k) ?? 0, total: total.get(k)!, colour: t.colour, synonyms: synonyms.get(t) ?? [] }));
  }

  setColour(name: string, colour: string | null): string {
    const value = colour === null ? null : normaliseColour(colour);
    const tag = this.#existing(normaliseTag(name));
    tag.colour = value;
    return tag.name;
  }

  addSynonym(name: string, synonym: string): string {
    const tag = this.#existing(normaliseTag(name));
    const syn = normaliseTag(synonym);
    const found = this.find(syn);
    if (found === tag && nocase(found.name) !== nocase(syn)) return tag.name;
    if (found) {
      const reason = nocase(found.name) === nocase(syn) ? 'that name is a tag; merge the two instead' : `it is already a synonym of ${debug(found.name)}`;
      conflict('add synonym', syn, tag.name, reason);
    }
    this.#synonyms.set(nocase(syn), { name: syn, tag });
    return tag.name;
  }

  removeSynonym(synonym: string): string {
    const syn = normaliseTag(synonym);
    const found = this.#synonyms.get(nocase(syn));
    if (!found) throw apiError('not_found', `no tag ${debug(syn)}; \`tessera tag ls\` lists them`);
    this.#synonyms.delete(nocase(syn));
    return found.tag.name;
  }

  /** The tag's path, how many assets carry it or a tag beneath it, and the first `limit` of them by id. */
  assets(records: readonly Rec[], name: string, limit: number): TagAssets {
    const tag = this.#existing(normaliseTag(name));
    const keys = this.matching(tag.name, false)!;
    const ids = records.filter((r) => r.tags.some((t) => keys.has(nocase(t)))).map((r) => r.id).sort((a, b) => a - b);
    return { tag: tag.name, total: ids.length, ids: ids.slice(0, Math.max(0, limit)) };
  }

  /** Renames or moves `from` with everything beneath it; onto another tag `conflict`, unless `merge`. */
  rename(records: readonly Rec[], from: string, to: string, merge: boolean): Reshaped {
    const [fromPath, toPath] = [normaliseTag(from), normaliseTag(to)];
    const tag = this.#existing(fromPath);
    const target = this.find(toPath);
    if (target && target !== tag) {
      if (!merge) conflict('rename', tag.name, toPath, `${debug(target.name)} exists; merge them with \`tessera tag merge\` (or --merge)`);
      return { ...this.#mergeInto(records, tag, target), tag: target.name };
    }
    return this.#move(records, tag, toPath);
  }

  merge(records: readonly Rec[], from: string, into: string): Reshaped {
    const [fromPath, intoPath] = [normaliseTag(from), normaliseTag(into)];
    const fromTag = this.#existing(fromPath);
    const intoTag = this.#existing(intoPath);
    if (fromTag === intoTag) conflict('merge', fromPath, intoPath, 'they are the same tag');
    return { ...this.#mergeInto(records, fromTag, intoTag), tag: intoTag.name };
  }

  /** Deletes the tag and those beneath it from every asset; what was taken off, for the edit log. */
  delete(records: readonly Rec[], name: string): { change: Reshaped; removed: TagRemoval[] } {
    const tag = this.#existing(normaliseTag(name));
    const members = this.#subtree(tag);
    const removed: TagRemoval[] = [];
    const assets = new Set<number>();
    for (const m of members) {
      const key = nocase(m.name);
      for (const r of records) {
        if (!r.tags.some((t) => nocase(t) === key)) continue;
        r.tags = r.tags.filter((t) => nocase(t) !== key);
        removed.push({ asset: r, tag: m.name });
        assets.add(r.id);
      }
      this.#forget(m);
    }
    return { change: { tag: tag.name, tags: members.length, assets }, removed };
  }

  #forget(tag: Tag): void {
    this.#tags.delete(nocase(tag.name));
    for (const [k, s] of this.#synonyms) if (s.tag === tag) this.#synonyms.delete(k);
  }

  /** Gives `tag` and everything beneath it the path `to`, under a parent made when missing (`move_subtree`). */
  #move(records: readonly Rec[], tag: Tag, to: string): Reshaped {
    if (isBeneath(to, tag.name)) conflict('move', tag.name, to, 'a tag cannot move beneath itself');
    if (this.#synonyms.get(nocase(to))?.tag === tag) this.#synonyms.delete(nocase(to));
    const members = this.#subtree(tag);
    const up = tagParent(to);
    const parent = up === null ? null : this.create(up);
    if (parent && members.includes(parent)) conflict('move', tag.name, to, 'a tag cannot move beneath itself');
    const path = parent ? `${parent.name}/${tagLeaf(to)}` : to;
    const done: Reshaped = { tag: path, tags: 0, assets: new Set() };
    const oldLength = tag.name.length;
    for (const m of members) {
      const name = path + m.name.slice(oldLength);
      const other = this.find(name);
      if (other && !members.includes(other)) conflict('move', tag.name, to, `${debug(name)} is taken by ${debug(other.name)}`);
      this.#synonyms.delete(nocase(name));
      const old = m.name;
      this.#tags.delete(nocase(old));
      m.name = name;
      this.#tags.set(nocase(name), m);
      if (nocase(old) !== nocase(name) && !this.#synonyms.has(nocase(old))) this.#synonyms.set(nocase(old), { name: old, tag: m });
      for (const r of records) {
        if (!r.tags.some((t) => nocase(t) === nocase(old))) continue;
        r.tags = r.tags.map((t) => (nocase(t) === nocase(old) ? name : t)).sort(byNocase);
        done.assets.add(r.id);
      }
      done.tags++;
    }
    return done;
  }

  /** Moves the assets, children and synonyms of `from` onto `into`, then removes `from` (`merge_into`). */
  #mergeInto(records: readonly Rec[], from: Tag, into: Tag): Reshaped {
    if (isBeneath(into.name, from.name)) conflict('merge', from.name, into.name, 'a tag cannot merge into a tag beneath it');
    const done: Reshaped = { tag: into.name, tags: 0, assets: new Set() };
    const children = this.#subtree(from).filter((t) => t !== from && nocase(tagParent(t.name) ?? '') === nocase(from.name));
    for (const child of children) {
      const target = `${into.name}/${tagLeaf(child.name)}`;
      const existing = this.find(target);
      const part = existing && existing !== child ? this.#mergeInto(records, child, existing) : this.#move(records, child, target);
      done.tags += part.tags;
      part.assets.forEach((a) => done.assets.add(a));
    }
    const key = nocase(from.name);
    for (const r of records) {
      if (!r.tags.some((t) => nocase(t) === key)) continue;
      r.tags = this.apply(r.tags.filter((t) => nocase(t) !== key), [into.name]);
      done.assets.add(r.id);
    }
    for (const s of this.#synonyms.values()) if (s.tag === from) s.tag = into;
    this.#tags.delete(key);
    if (!this.#synonyms.has(key)) this.#synonyms.set(key, { name: from.name, tag: into });
    done.tags++;
    return done;
  }
}
