// The fake's edit log, as the core keeps it (store/edit_sql.rs, undo_sql.rs): an edit records, per asset and field it
// really changes, the value before and after, and leaves no entry when it changed nothing; an undo takes back the
// actor's newest edit not undone yet, leaves values changed again since (counted as skipped) and is itself an entry.

import { apiError, type Rec } from './fake-data';
import { describeFields, read, same, write, type Checked, type Stored } from './fake-fields';
import { nocase, normaliseTag, type TagRemoval, type TagTree } from './fake-tags';
import { FakeAudit } from './fake-lifecycle';
import type { AssetEdit, EditRecord, UndoOutcome } from './types';

/** `tag`, or a field by its edit-log name (`title`, `licence`, `field:shoot_date`). */
type Field = string;
type Value = Stored;

interface Change {
  asset: Rec;
  field: Field;
  before: Value;
  after: Value;
}

interface Entry extends EditRecord {
  changes: Change[];
  /** False for entries on record only, which undo passes over (tag renames and merges). */
  undoable: boolean;
}

/** The edit in words, as the core's `describe` puts it: `rating 4, +summer, -draft`. */
export function describe(edit: AssetEdit): string {
  const parts: string[] = [];
  const text = (name: string, v: string | null | undefined) => {
    if (v === undefined) return;
    parts.push(v?.trim() ? name : `${name} cleared`);
  };
  text('title', edit.title);
  text('description', edit.description);
  if (edit.rating !== undefined) parts.push(edit.rating === null ? 'rating cleared' : `rating ${edit.rating}`);
  parts.push(...edit.add_tags.map((t) => `+${t.trim()}`), ...edit.remove_tags.map((t) => `-${t.trim()}`));
  return parts.length ? parts.join(', ') : 'no change';
}

const inCollection = (a: Rec, path: string) => (a.collections ?? []).includes(path);
/** Puts an asset in a collection (by path) or takes it out. */
export function setMember(a: Rec, path: string, on: boolean): void {
  const list = (a.collections ?? []).filter((c) => c !== path);
  a.collections = on ? [...list, path] : list;
}

export class EditLog {
  #entries: Entry[] = [];
  #next = 1;

  constructor(
    private readonly tagNames: TagTree,
    private readonly actor: string,
    private readonly now: () => number,
  ) {}

  /** The library's audit trail: each entry writes its event there, as the core's edit log does in its transaction. */
  readonly audit = new FakeAudit();

  /** Applies `edit` to `assets`, recording what changed; the entry's id, or null when nothing did. */
  edit(assets: Rec[], edit: AssetEdit): number | null {
    const changes: Change[] = [];
    const set = (a: Rec, field: 'title' | 'description' | 'rating', after: Value) => {
      if (a[field] === after) return;
      changes.push({ asset: a, field, before: a[field], after });
      (a as unknown as Record<string, Value>)[field] = after;
    };
    const add = edit.add_tags.map((t) => this.tagNames.spell(t));
    for (const a of assets) {
      if (edit.title !== undefined) set(a, 'title', edit.title?.trim() || null);
      if (edit.description !== undefined) set(a, 'description', edit.description?.trim() || null);
      if (edit.rating !== undefined) set(a, 'rating', edit.rating);
      for (const t of edit.remove_tags) {
        const name = this.tagNames.find(normaliseTag(t))?.name;
        const had = name === undefined ? undefined : a.tags.find((x) => nocase(x) === nocase(name));
        if (had !== undefined) changes.push({ asset: a, field: 'tag', before: had, after: null });
      }
      for (const t of add) if (!this.#has(a, t)) changes.push({ asset: a, field: 'tag', before: null, after: t });
      if (edit.add_tags.length || edit.remove_tags.length) a.tags = this.tagNames.apply(a.tags, edit.add_tags, edit.remove_tags);
    }
    if (changes.length === 0) return null;
    return this.#push('edit', describe(edit), changes, null).id;
  }

  /** Sets checked fields on `assets` (fake-fields.ts), recording what changed; the entry's id, or null. */
  setFields(assets: Rec[], checked: Checked[]): number | null {
    const changes: Change[] = [];
    for (const a of assets) {
      for (const c of checked) {
        const before = read(a, c.field);
        if (same(before, c.value)) continue;
        changes.push({ asset: a, field: c.field, before, after: c.value });
        write(a, c.field, c.value);
      }
    }
    if (changes.length === 0) return null;
    return this.#push('edit', describeFields(checked), changes, null).id;
  }

  /** Whether `a` carries the tag `name` resolves to (a path or a synonym, as the core's `find_tag`). */
  #has(a: Rec, name: string): boolean {
    const path = this.tagNames.find(name)?.name;
    return path !== undefined && a.tags.some((t) => nocase(t) === nocase(path));
  }

  /** A tag delete: one entry with a change per asset and tag taken off (undoable); null when no asset had it. */
  tagDelete(summary: string, removed: readonly TagRemoval[]): number | null {
    if (removed.length === 0) return null;
    return this.#push('edit', summary, removed.map((r) => ({ asset: r.asset, field: 'tag', before: r.tag, after: null })), null).id;
  }

  /** A tag rename or merge: on record (kept even when no asset changed), but undo passes over it. */
  onRecord(summary: string, assets: number): number {
    const entry = this.#push('edit', summary, [], null);
    entry.assets = assets;
    entry.undoable = false;
    return entry.id;
  }

  /**
   * Membership of a collection as an edit (the core records the collection's id; the fake its path, so an undo after
   * a rename of the collection finds nothing to take back): the entry's id, or null when nothing changed.
   */
  membership(assets: Rec[], path: string, on: boolean, summary: string): number | null {
    const changes: Change[] = [];
    for (const a of assets) {
      if (inCollection(a, path) === on) continue;
      setMember(a, path, on);
      changes.push({ asset: a, field: 'collection', before: on ? null : path, after: on ? path : null });
    }
    if (changes.length === 0) return null;
    return this.#push('edit', summary, changes, null).id;
  }

  /** A move to (`on`) or out of the trash, field `trash` as the core records it: the entry's id, or null. */
  trash(assets: Rec[], on: boolean, summary: string): number | null {
    const changes: Change[] = [];
    const at = this.now();
    for (const a of assets) {
      if (!!a.trashed_at === on || changes.some((c) => c.asset === a)) continue;
      changes.push({ asset: a, field: 'trash', before: a.trashed_at ?? null, after: on ? at : null });
      a.trashed_at = on ? at : null;
    }
    if (changes.length === 0) return null;
    return this.#push('edit', summary, changes, null).id;
  }

  undo(): UndoOutcome {
    const target = [...this.#entries].reverse().find((e) => e.actor === this.actor && e.action === 'edit' && e.undoable && e.undone_by === null);
    if (!target) throw apiError('not_found', `nothing to undo: ${this.actor} has no edit that is not undone yet`);
    const done: Change[] = [];
    let skipped = 0;
    for (const c of target.changes) {
      const a = c.asset;
      let still: boolean;
      // A tag the edit added is taken off only while the asset carries it under that very path: after a rename or a
      // merge, the name may resolve (as a synonym) to a tag the asset had anyway, which an undo must not take away.
      if (c.field === 'tag') still = c.before === null ? a.tags.some((t) => nocase(t) === nocase(String(c.after))) : !this.#has(a, String(c.before));
      else if (c.field === 'collection') still = c.before === null ? inCollection(a, String(c.after)) : !inCollection(a, String(c.before));
      else if (c.field === 'trash') still = (a.trashed_at ?? null) === c.after;
      else still = same(read(a, c.field), c.after);
      if (!still) {
        skipped++;
        continue;
      }
      if (c.field === 'collection') {
        setMember(a, String(c.before ?? c.after), c.before !== null);
      } else if (c.field === 'trash') {
        a.trashed_at = c.before as number | null;
      } else if (c.field === 'tag') {
        a.tags = c.before === null ? this.tagNames.apply(a.tags, [], [String(c.after)]) : this.tagNames.apply(a.tags, [String(c.before)]);
      } else {
        write(a, c.field, c.before);
      }
      done.push({ asset: a, field: c.field, before: c.after, after: c.before });
    }
    const undo = this.#push('undo', `undo ${target.summary}`, done, target.id);
    target.undone_by = undo.id;
    return { undid: strip(target), undo: strip(undo), restored: done.length, skipped };
  }

  /** The newest `limit` entries, newest first (only this actor's with `mine`). */
  list(limit: number, mine: boolean): EditRecord[] {
    return [...this.#entries].reverse().filter((e) => !mine || e.actor === this.actor).slice(0, limit).map(strip);
  }

  #push(action: 'edit' | 'undo', summary: string, changes: Change[], undoes: number | null): Entry {
    const entry: Entry = {
      id: this.#next++,
      at: this.now(),
      actor: this.actor,
      action,
      summary,
      assets: new Set(changes.map((c) => c.asset.id)).size,
      undoes,
      undone_by: null,
      changes,
      undoable: true,
    };
    this.#entries.push(entry);
    const ids = [...new Set(changes.map((c) => c.asset.id))];
    const shown = changes.map((c) => ({ asset: c.asset.id, field: c.field, before: c.before, after: c.after }));
    this.audit.record(this.actor, action, ids, { changes: shown, edit: entry.id, summary, undoes }, entry.at);
    return entry;
  }
}

function strip(e: Entry): EditRecord {
  const { changes: _, undoable: __, ...record } = e;
  return { ...record };
}
