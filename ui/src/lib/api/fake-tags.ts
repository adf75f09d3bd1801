// Tag names in the fake library, as the core keeps them: names are unique without regard to case (SQLite's NOCASE,
// which folds ASCII letters only) and the first spelling seen wins; an asset's tags are listed in NOCASE order.

import { apiError } from './fake-data';

/** ASCII-only lower case: how SQLite's NOCASE compares. */
export function nocase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function byNocase(a: string, b: string): number {
  const x = nocase(a);
  const y = nocase(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Trims and checks a tag name, as the core's `normalise_tag` does. */
export function normaliseTag(name: string): string {
  const tag = name.trim();
  if (!tag || Array.from(tag).length > 200 || /[\u0000-\u001f\u007f-\u009f]/.test(tag)) {
    throw apiError('invalid_input', `invalid tag ${JSON.stringify(tag)}: tags must be non-empty and at most 200 characters`, 'tag');
  }
  return tag;
}

/** The library's tag names. Like the core's `tags` table, a name stays once made, used or not. */
export class TagNames {
  #byKey = new Map<string, string>();

  /** The library's spelling of `name` (checked), made from it when new. */
  spell(name: string): string {
    const tag = normaliseTag(name);
    const key = nocase(tag);
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    this.#byKey.set(key, tag);
    return tag;
  }

  /** `tags` with `add` (in the library's spelling) and without `remove` (any spelling), in NOCASE order. */
  apply(tags: readonly string[], add: readonly string[], remove: readonly string[] = []): string[] {
    const gone = new Set(remove.map((t) => nocase(normaliseTag(t))));
    const out = new Map(tags.map((t) => [nocase(t), t]));
    for (const k of gone) out.delete(k);
    for (const t of add) {
      const spelled = this.spell(t);
      out.set(nocase(spelled), spelled);
    }
    return [...out.values()].sort(byNocase);
  }
}
