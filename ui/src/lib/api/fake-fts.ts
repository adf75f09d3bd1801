// The fake library's full-text matching, as the core's SQLite FTS5 index does it (`unicode61 remove_diacritics 2`,
// see store/fts.rs): text is cut into tokens of letters, digits and private-use characters (combining marks stay in
// a token and are dropped); a token's Latin letters lose their diacritics (é → e, not ł or ø) and every letter its
// case (ς → σ). A word is a phrase of its tokens whose last token is a prefix (`final_v` finds "final_v4"), a quoted
// phrase is exact; either matches when its tokens follow one another in one column. Which characters are whitespace
// and which make a term worth searching follow the core's Rust (`char::is_whitespace`, `char::is_alphanumeric`).

import type { Rec } from './fake-data';

/** Rust's `char::is_whitespace` (Unicode White_Space): JavaScript's `\s` adds U+FEFF and lacks U+0085. */
export const WHITESPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE = new RegExp(`[${WHITESPACE}]`);
const EDGES = new RegExp(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`, 'g');

export function isSpace(c: string | undefined): boolean {
  return c !== undefined && SPACE.test(c);
}

/** The first whitespace at or after `from` in `s` (its length when none). */
export function spaceAt(s: string, from: number): number {
  const m = SPACE.exec(s.slice(from));
  return m ? from + m.index : s.length;
}

/** Rust's `str::trim`. */
export function trim(s: string): string {
  return s.replace(EDGES, '');
}

const TOKEN = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;
const MARK = /\p{Mn}/u;
const MARKS = /\p{Mn}/gu;
const LATIN = /\p{Script=Latin}/u;
const FOLDED = new Map<string, string>([['ς', 'σ']]);

function foldChar(c: string): string {
  if (MARK.test(c)) return '';
  const base = LATIN.test(c) ? c.normalize('NFD').replace(MARKS, '') || c : c;
  const lower = base.toLowerCase();
  const one = Array.from(lower).length === 1 ? lower : base;
  return FOLDED.get(one) ?? one;
}

const cache = new Map<string, string[]>();

/** The tokens FTS5 makes of `text`, folded. */
export function tokens(text: string): string[] {
  let out = cache.get(text);
  if (out === undefined) {
    out = (text.match(TOKEN) ?? []).map((t) => Array.from(t, foldChar).join('')).filter((t) => t !== '');
    if (cache.size > 200_000) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/** The searchable camera text, as the core's ingest writes it: "Canon EOS R5", and "Canon" once in "Canon Canon …". */
export function cameraText(c: Rec['camera']): string {
  if (!c) return '';
  return c.model.toLowerCase().startsWith(c.make.toLowerCase()) ? c.model : `${c.make} ${c.model}`.trim();
}

/** The record's full-text columns: name, title, description, tags, camera, uploader, copy (alt text and caption). */
function columns(a: Rec): string[][] {
  const copy = `${a.alt_text ?? ''} ${a.caption ?? ''}`;
  return [a.name, a.title ?? '', a.description ?? '', a.tags.join(' '), cameraText(a.camera), a.uploader, copy].map(tokens);
}

/**
 * A test for one text term, or null when it has nothing to search for (no letter or digit: the core drops it, so
 * `-`, `...` or an emoji match everything).
 */
export function textTest(text: string, phrase: boolean): ((a: Rec) => boolean) | null {
  if (!/[\p{Alphabetic}\p{N}]/u.test(text)) return null;
  const want = tokens(text);
  const prefix = !phrase;
  const at = (col: string[], i: number) =>
    want.every((w, j) => {
      const t = col[i + j];
      return t !== undefined && (prefix && j === want.length - 1 ? t.startsWith(w) : t === w);
    });
  return (a) => want.length > 0 && columns(a).some((col) => col.some((_, i) => at(col, i)));
}
