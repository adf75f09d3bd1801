// The fake library's search: the core's query grammar (domain/query: the same keys, operators, values and error
// messages, "… at column N"), the core's sort orders, and keyset paging with opaque cursors. Words and phrases match
// as the core's full-text index matches them (fake-fts.ts). The cases in tests/cases/search.json, which the core
// runs too, check that it agrees (fake-cases.test.ts).

import { shownStatus } from '../status';
import type { CustomField, Page, SearchRequest, SortKey } from './types';
import { builtIn, FLAGS, isDate, LABELS, type BuiltIn } from './fake-fields';
import { apiError, summary, type Rec } from './fake-data';
import { nocase } from './fake-tags';
import { isSpace, spaceAt, textTest, trim } from './fake-fts';

type Cmp = '=' | '<' | '<=' | '>' | '>=';
const CMP: Record<Cmp, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b, '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};
const KEYS = ['tag', 'type', 'ext', 'uploader', 'creator', 'credit', 'campaign', 'width', 'height', 'orientation',
  'rating', 'taken', 'added', 'is', 'licence', 'label', 'flag', 'missing', 'expires', 'rights', 'collection', 'smart',
  'status'] as const;
type Key = (typeof KEYS)[number];
const USAGE: Record<Key, string> = {
  tag: 'tag:NAME', type: 'type:image', ext: 'ext:jpg', uploader: 'uploader:NAME', creator: 'creator:NAME',
  credit: 'credit:NAME', campaign: 'campaign:NAME', width: 'width>=1920', height: 'height<=500',
  orientation: 'orientation:landscape', rating: 'rating>=4', taken: 'taken:2024-05', added: 'added>2025-01-01',
  is: 'is:untagged, is:archived, is:trashed', licence: 'licence:"CC BY"', label: 'label:red', flag: 'flag:pick', missing: 'missing:alt',
  expires: 'expires<2027-01-01', rights: 'rights:expired',
  collection: 'collection:NAME', smart: 'smart:NAME', status: 'status:approved',
};
/** The lifecycle states `status:` takes (domain/lifecycle.rs); the assets' states are kept by fake-lifecycle.ts. */
const STATES = ['draft', 'in_review', 'approved', 'changes_requested', 'rejected', 'published', 'archived', 'expired'];
const COMPARABLE: ReadonlySet<Key> = new Set(['width', 'height', 'rating', 'taken', 'added', 'expires']);
const COLUMN: Partial<Record<BuiltIn, keyof Rec>> = { copyright: 'rights' };

/** Whether a record has no value in a built-in field (blank text counts as none, as in the core). */
function lacks(a: Rec, b: BuiltIn): boolean {
  const v = (a as unknown as Record<string, unknown>)[COLUMN[b] ?? b];
  if (b === 'rating') return v === null || v === undefined;
  return typeof v !== 'string' || v.trim() === '';
}

/** Unix seconds -> "YYYY-MM-DD" (UTC). */
function day(secs: number): string {
  return new Date(secs * 1000).toISOString().slice(0, 10);
}
const KINDS = ['image', 'video', 'audio', 'document', 'font', 'other'];

type Test = (a: Rec) => boolean;

/**
 * What `tag:NAME` finds, resolved as the core's `resolve_tags` does: the nocase paths of the tag (by path or synonym)
 * and those beneath it (`exact`: the tag alone), or null for an unknown tag (which matches nothing).
 */
export type TagLookup = (name: string, exact: boolean) => ReadonlySet<string> | null;

/** A refused query, as the core words it: the message, then where. */
function refuse(input: string, offset: number, message: string): never {
  const column = Array.from(input.slice(0, offset)).length + 1;
  throw apiError('bad_query', `${message} at column ${column}`, 'query');
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (UTC) as a half-open range of unix seconds, or null. */
export function period(v: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (y < 1 || (mo !== null && (mo < 1 || mo > 12))) return null;
  const at = (yy: number, mm: number, dd: number) => {
    const t = new Date(0);
    t.setUTCFullYear(yy, mm - 1, dd);
    return Math.floor(t.getTime() / 1000);
  };
  if (mo === null) return [at(y, 1, 1), at(y + 1, 1, 1)];
  if (d === null) return [at(y, mo, 1), at(y, mo + 1, 1)];
  const start = at(y, mo, d);
  if (new Date(start * 1000).getUTCDate() !== d) return null; // 2023-02-29
  return [start, start + 86_400];
}

/** The range a comparison with a period means, as the core's `TimeRange::from_period`. */
function inRange(cmp: Cmp, [start, end]: [number, number]): (s: number) => boolean {
  switch (cmp) {
    case '=': return (s) => s >= start && s < end;
    case '>': return (s) => s >= end;
    case '>=': return (s) => s >= start;
    case '<': return (s) => s < start;
    case '<=': return (s) => s < end;
  }
}

/** Camera time "YYYY-MM-DDTHH:MM:SS" read as UTC, as the core stores it. */
function takenSeconds(taken: string): number {
  return Date.parse(`${taken}Z`) / 1000;
}

/** Builds a predicate from a query, or throws the core's bad_query error. */
export function compile(input: string, tags: TagLookup, fields: readonly CustomField[] = []): Test {
  const tests: Test[] = [];
  let showsArchived = false;
  // The default views leave trashed assets out; `is:trashed` asks for them (store/search_sql.rs `hide_trashed`).
  let showTrashed = false;
  let pos = 0;
  const runEnd = (from: number) => spaceAt(input, from);
  const quoted = (at: number): [string, number] => {
    const close = input.indexOf('"', at + 1);
    if (close < 0) refuse(input, at, 'unterminated quote (add a closing ")');
    return [input.slice(at + 1, close), close + 1];
  };
  while (pos < input.length) {
    while (isSpace(input[pos])) pos++;
    if (pos >= input.length) break;
    const start = pos;
    const negated = input[start] === '-' && start + 1 < input.length && !isSpace(input[start + 1]);
    const body = start + (negated ? 1 : 0);
    const not = (t: Test): Test => (negated ? (a) => !t(a) : t);
    const text = (t: string, phrase: boolean) => {
      const test = textTest(t, phrase);
      if (test) tests.push(not(test));
    };

    if (input[body] === '"') {
      const [content, end] = quoted(body);
      pos = end;
      text(trim(content), true);
      continue;
    }
    // A key is a letter, then letters, digits and `_` (custom field names are made so).
    const keyText = /^(?:[a-z][a-z0-9_]*)?/i.exec(input.slice(body))![0];
    const op = /^(<=|>=|:|=|<|>)/.exec(input.slice(body + keyText.length))?.[0];
    if (keyText && op) {
      const valueStart = body + keyText.length + op.length;
      const key = KEYS.find((k) => k === keyText.toLowerCase());
      if (key) {
        tests.push(filter(key, op, valueStart));
        continue;
      }
      const field = fields.find((f) => f.name.toLowerCase() === keyText.toLowerCase());
      if (field) {
        tests.push(custom(field, op, valueStart));
        continue;
      }
      // `v2:final` stays a word: only an alphabetic unknown key is taken for a mistyped filter.
      if (/^[a-z]+$/i.test(keyText) && /^[\p{Alphabetic}\p{N}"]/u.test(input.slice(valueStart))) {
        refuse(input, body, `unknown filter '${input.slice(body, valueStart)}' (known: ${KEYS.join(', ')})`);
      }
    }
    const end = runEnd(body);
    pos = end;
    text(input.slice(body, end), false);

    function readValue(valueStart: number): string {
      if (input[valueStart] === '"') {
        const [content, end] = quoted(valueStart);
        pos = end;
        return trim(content);
      }
      pos = runEnd(valueStart);
      return input.slice(valueStart, pos);
    }

    /** A custom field compared with one value of its type, as the core's `Parser::custom`. */
    function custom(f: CustomField, op: string, valueStart: number): Test {
      const name = f.name;
      if (negated) refuse(input, start, `cannot exclude with '-${name}:' (only -tag: can be negated)`);
      const cmp: Cmp = op === ':' ? '=' : (op as Cmp);
      if (cmp !== '=' && f.type !== 'number' && f.type !== 'date') {
        refuse(input, valueStart - op.length, `${name} is a ${f.type} field: it takes no comparison (use ${name}:VALUE)`);
      }
      const v = readValue(valueStart);
      if (!v) refuse(input, start, `empty value for ${name}: (use ${name}:VALUE)`);
      const bad = (reason: string): never => refuse(input, valueStart, `bad value for ${name}: '${v}' (${reason})`);
      const values = (a: Rec): unknown[] => {
        const x = a.fields?.[f.name];
        return x === undefined ? [] : Array.isArray(x) ? x : [x];
      };
      switch (f.type) {
        case 'choice': case 'choices': {
          const c = f.choices.find((x) => x.value.toLowerCase() === v.toLowerCase())
            ?? bad(`expected one of: ${f.choices.map((x) => x.value).join(', ')}`);
          return (a) => values(a).includes(c.value);
        }
        case 'number': {
          const n = /^[0-9.eE+-]+$/.test(v) && Number.isFinite(Number(v)) ? Number(v) : bad(`invalid ${name} ${JSON.stringify(v)}: a number, e.g. 42 or 3.5`);
          return (a) => values(a).some((x) => typeof x === 'number' && CMP[cmp](x, n));
        }
        case 'date': {
          if (!isDate(v)) bad(`invalid ${name} ${JSON.stringify(v)}: a date is YYYY-MM-DD, e.g. 2025-03-01`);
          const order = (x: string) => (x < v ? -1 : x > v ? 1 : 0);
          return (a) => values(a).some((x) => typeof x === 'string' && CMP[cmp](order(x), 0));
        }
        case 'bool': {
          const l = v.toLowerCase();
          const yes = ['yes', 'y', 'true', '1', 'on'].includes(l) ? true : ['no', 'n', 'false', '0', 'off'].includes(l) ? false
            : bad(`invalid ${name} ${JSON.stringify(v)}: yes or no (also true/false, 1/0)`);
          return (a) => values(a).includes(yes);
        }
        default:
          return (a) => values(a).some((x) => typeof x === 'string' && nocase(x) === nocase(v));
      }
    }

    function filter(key: Key, op: string, valueStart: number): Test {
      if (negated && key !== 'tag') {
        refuse(input, start, `cannot exclude with '-${input.slice(body, valueStart)}' (only -tag: can be negated)`);
      }
      const opStart = valueStart - op.length;
      const cmp: Cmp = op === ':' ? '=' : (op as Cmp);
      if (cmp !== '=' && !COMPARABLE.has(key)) {
        refuse(input, opStart, `${key} does not take a comparison '${op}' (use ${USAGE[key]})`);
      }
      // `tag:=NAME`: that tag alone, not the tags beneath it.
      const exact = key === 'tag' && input[valueStart] === '=';
      if (exact) valueStart++;
      let v: string;
      if (input[valueStart] === '"') {
        const [content, end] = quoted(valueStart);
        v = trim(content);
        pos = end;
      } else {
        pos = runEnd(valueStart);
        v = input.slice(valueStart, pos);
      }
      const empty = () => refuse(input, start, `empty value for ${key}: (use ${USAGE[key]})`);
      if (!v) empty();
      const bad = (expected: string) => refuse(input, valueStart, `bad value for ${key}: '${v}' (expected ${expected})`);
      // Any i64, as the core's `number` reads it (compared as a double: exact for every real pixel count).
      const number = () => {
        const digits = v.replace(/^0+(?=.)/, '');
        const fits = /^\d+$/.test(v) && (digits.length < 19 || (digits.length === 19 && digits <= '9223372036854775807'));
        return fits ? Number(v) : null;
      };
      const lower = nocase(v);
      switch (key) {
        case 'tag': {
          const paths = tags(v, exact);
          return not(paths === null ? () => false : (a) => a.tags.some((t) => paths.has(nocase(t))));
        }
        case 'type':
          if (!KINDS.includes(lower)) bad('image, video, audio, document, font or other');
          return (a) => a.kind === lower;
        case 'ext': {
          const ext = v.replace(/^\./, '').toLowerCase();
          if (!ext) empty();
          return (a) => a.ext === ext;
        }
        case 'uploader': return (a) => nocase(a.uploader) === lower;
        case 'creator': case 'credit': case 'campaign': case 'licence': return (a) => nocase(a[key] ?? '') === lower;
        case 'label': {
          if (!LABELS.includes(lower)) bad(LABELS.join(', '));
          return (a) => a.label === lower;
        }
        case 'flag': {
          if (!FLAGS.includes(lower)) bad('pick or reject');
          return (a) => a.flag === lower;
        }
        case 'missing': {
          if (lower === 'required') {
            const required = fields.filter((f) => f.required);
            return (a) => required.some((f) => (f.kinds.length === 0 || f.kinds.includes(a.kind)) && a.fields?.[f.name] === undefined);
          }
          const b = lower === 'alt' ? 'alt_text' : builtIn(v) ?? bad('alt, required, or a built-in field: caption, licence, creator…');
          return (a) => lacks(a, b);
        }
        case 'rights': {
          if (lower !== 'expired') bad('expired');
          const today = day(Math.floor(Date.now() / 1000));
          return (a) => typeof a.expires === 'string' && a.expires < today;
        }
        case 'expires': {
          const within = inRange(cmp, period(v) ?? bad('a date: YYYY, YYYY-MM or YYYY-MM-DD'));
          // A day's start: what the core's comparison of YYYY-MM-DD texts amounts to.
          return (a) => typeof a.expires === 'string' && within(Date.parse(`${a.expires}T00:00:00Z`) / 1000);
        }
        case 'width': case 'height': {
          const n = number() ?? bad('a whole number of pixels');
          return (a) => a[key] !== null && CMP[cmp](a[key], n);
        }
        case 'rating': {
          const n = number();
          if (n === null || n > 5) bad('a whole number from 0 to 5');
          return (a) => CMP[cmp](a.rating ?? 0, n!);
        }
        case 'orientation': {
          if (!['landscape', 'portrait', 'square'].includes(lower)) bad('landscape, portrait or square');
          const want = lower === 'landscape' ? 1 : lower === 'portrait' ? -1 : 0;
          return (a) => a.width !== null && a.height !== null && Math.sign(a.width - a.height) === want;
        }
        case 'is':
          if (lower === 'archived') {
            if (!negated) showsArchived = true;
            return (a) => (a.status ?? 'draft') === 'archived';
          }
          if (lower === 'trashed') {
            showTrashed = true;
            return (a) => !!a.trashed_at;
          }
          if (lower !== 'untagged') bad('untagged, archived or trashed');
          return (a) => a.tags.length === 0;
        case 'status': {
          const state = lower.replace(/[- ]/g, '_');
          if (!STATES.includes(state)) bad('draft, in_review, approved, changes_requested, rejected, published, archived or expired');
          if (state === 'archived' && !negated) showsArchived = true;
          const today = day(Math.floor(Date.now() / 1000));
          return (a) => shownStatus(a.status ?? 'draft', a.expires, today) === state;
        }
        // The collection or any beneath it, by path in any case, as the core's subtree of paths.
        case 'collection':
          return (a) => (a.collections ?? []).some((c) => nocase(c) === lower || nocase(c).startsWith(`${lower}/`));
        // The fake keeps no saved queries: like an unknown one in the core, it matches nothing.
        case 'smart': return () => false;
        case 'taken': case 'added': {
          const p = period(v) ?? bad('a date: YYYY, YYYY-MM or YYYY-MM-DD');
          const within = inRange(cmp, p);
          return key === 'added' ? (a) => within(a.added) : (a) => a.taken !== null && within(takenSeconds(a.taken));
        }
      }
    }
  }
  // The default views leave archived assets out unless the query asks for them (store/search_sql.rs).
  if (!showsArchived) tests.push((a) => (a.status ?? 'draft') !== 'archived');
  return (a) => (showTrashed || !a.trashed_at) && tests.every((t) => t(a));
}

// Paging: the core's orders (by the key, then the id, both in the same direction; "added" is the id) and its keyset
// cursor, the position after a page's last row as [sort, value, id], hex-encoded JSON. Opaque to the UI.

type SortValue = number | string;

function sortValue(a: Rec, sort: SortKey): SortValue {
  switch (sort) {
    case 'added': return a.id;
    case 'name': return nocase(a.name);
    case 'size': return a.size;
    case 'taken': return a.taken === null ? -62_135_596_800 : takenSeconds(a.taken);
  }
}

/** SQLite's order of text: by UTF-8 bytes, that is by code point (UTF-16 puts U+E000-U+FFFF after astral ones). */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    return sx === sy ? x - y : sx ? 1 : -1;
  }
  return a.length - b.length;
}

function compareKey(a: [SortValue, number], b: [SortValue, number]): number {
  const byValue = typeof a[0] === 'string' && typeof b[0] === 'string' ? compareText(a[0], b[0]) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  return byValue || a[1] - b[1];
}

function encodeCursor(sort: SortKey, a: Rec): string {
  return Array.from(new TextEncoder().encode(JSON.stringify([sort, sortValue(a, sort), a.id])), (b) => b.toString(16).padStart(2, '0')).join('');
}

function decodeCursor(token: string, sort: SortKey): [SortValue, number] {
  const bad = () => apiError('invalid_input', `invalid cursor ${JSON.stringify(token)}: pass the \`next\` value of a previous page unchanged`, 'cursor');
  if (token.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(token)) throw bad();
  let parsed: unknown;
  try {
    const bytes = new Uint8Array(token.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort || typeof parsed[2] !== 'number') throw bad();
  const value: unknown = parsed[1];
  if (typeof value !== 'number' && typeof value !== 'string') throw bad();
  // The core compares a name cursor under NOCASE, as it compares the names.
  return [typeof value === 'string' ? nocase(value) : value, parsed[2]];
}

/** One page of `records` for `request`, as the core's search returns it (totals capped at `totalCap`). */
export function searchPage(
  records: readonly Rec[],
  request: SearchRequest,
  totalCap: number,
  tags: TagLookup,
  fields: readonly CustomField[] = [],
): Page {
  const test = compile(request.query, tags, fields);
  const order = request.order ?? (request.sort === 'name' ? 'asc' : 'desc');
  const sign = order === 'asc' ? 1 : -1;
  const keyed = records.filter(test).map((a) => ({ a, key: [sortValue(a, request.sort), a.id] as [SortValue, number] }));
  keyed.sort((x, y) => sign * compareKey(x.key, y.key));
  const after = request.cursor === null ? null : decodeCursor(request.cursor, request.sort);
  const from = after === null ? 0 : keyed.findIndex((r) => sign * compareKey(r.key, after) > 0);
  const rows = from < 0 ? [] : keyed.slice(from, from + Math.min(10_000, Math.max(1, request.limit)));
  const more = from >= 0 && from + rows.length < keyed.length;
  return {
    total: Math.min(keyed.length, totalCap),
    total_exact: keyed.length <= totalCap,
    assets: rows.map((r) => summary(r.a)),
    next: more && rows.length > 0 ? encodeCursor(request.sort, rows[rows.length - 1]!.a) : null,
  };
}
