// The fake library's reading of the query language (enough of it to be useful in tests and `npm run dev`).

import { tokenize } from '../../library/chips';
import { apiError, type Rec } from './fake-data';

export type Cmp = (a: number, b: number) => boolean;
export const CMP: Record<string, Cmp> = {
  '>': (a, b) => a > b, '<': (a, b) => a < b, '>=': (a, b) => a >= b, '<=': (a, b) => a <= b,
  ':': (a, b) => a === b, '=': (a, b) => a === b,
};

export function dateSeconds(v: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(v);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 1000;
}

/** Builds a predicate from a query, or throws a bad_query ApiError. */
export function compile(query: string): (a: Rec) => boolean {
  const tests: ((a: Rec) => boolean)[] = [];
  for (const { text } of tokenize(query)) {
    const neg = text.startsWith('-') && text.length > 1;
    const body = neg ? text.slice(1) : text;
    const m = /^([a-z]+)(>=|<=|:|>|<|=)(.*)$/i.exec(body);
    let t: (a: Rec) => boolean;
    if (m) {
      const key = m[1]!.toLowerCase();
      const op = m[2]!;
      const value = m[3]!.replace(/^"|"$/g, '').toLowerCase();
      const num = Number(value);
      const needNumber = () => {
        if (value === '' || Number.isNaN(num)) throw apiError('bad_query', `${key} needs a number, e.g. ${key}>=4`);
      };
      switch (key) {
        case 'tag': t = (a) => a.tags.includes(value); break;
        case 'type': t = (a) => a.kind === value; break;
        case 'ext': t = (a) => a.ext === value.replace(/^\./, ''); break;
        case 'uploader': t = (a) => a.uploader.toLowerCase() === value; break;
        case 'creator': case 'credit': case 'campaign': t = (a) => (a[key] ?? '').toLowerCase() === value; break;
        case 'is':
          if (value !== 'untagged') throw apiError('bad_query', `unknown is:${value}; try is:untagged`);
          t = (a) => a.tags.length === 0;
          break;
        case 'orientation':
          t = (a) => !!a.width && !!a.height &&
            (value === 'landscape' ? a.width > a.height : value === 'portrait' ? a.width < a.height : a.width === a.height);
          break;
        case 'rating': needNumber(); t = (a) => CMP[op]!(a.rating ?? 0, num); break;
        case 'width': needNumber(); t = (a) => a.width !== null && CMP[op]!(a.width, num); break;
        case 'height': needNumber(); t = (a) => a.height !== null && CMP[op]!(a.height, num); break;
        case 'taken': t = (a) => a.taken !== null && a.taken.startsWith(value); break;
        case 'added': {
          const s = dateSeconds(value);
          if (s === null) throw apiError('bad_query', `added needs a date like 2025-01-31, not "${value}"`);
          t = (a) => CMP[op === ':' ? '>=' : op]!(a.added, s);
          break;
        }
        default:
          throw apiError('bad_query', `unknown filter "${key}${op}"; filters are tag:, type:, ext:, uploader:, rating>=…`);
      }
    } else {
      const word = body.replace(/^"|"$/g, '').toLowerCase();
      if (!word) continue;
      t = (a) =>
        a.name.toLowerCase().includes(word) ||
        (a.title ?? '').toLowerCase().includes(word) ||
        a.tags.some((tag) => tag.startsWith(word)) ||
        a.uploader.startsWith(word);
    }
    tests.push(neg ? (a) => !t(a) : t);
  }
  return (a) => tests.every((t) => t(a));
}
