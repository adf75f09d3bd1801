// Recognises the filters of a search query for display as chips. The core parses the query for real; this only finds
// `key:value` / `key>value` tokens so the search bar can show and remove them.

export interface Token {
  text: string;
  /** Offsets in the query: [start, end). */
  start: number;
  end: number;
}

export type ChipOp = ':' | '>' | '<' | '>=' | '<=' | '=';

export interface Chip {
  key: string;
  op: ChipOp;
  /** Without surrounding quotes. */
  value: string;
  negated: boolean;
  /** The token as written, e.g. `-tag:"summer campaign"`. */
  raw: string;
  start: number;
  end: number;
}

export const FILTER_KEYS = [
  'tag',
  'type',
  'ext',
  'uploader',
  'creator',
  'credit',
  'campaign',
  'orientation',
  'taken',
  'added',
  'is',
  'width',
  'height',
  'rating',
] as const;

const CHIP = new RegExp(`^(-?)(${FILTER_KEYS.join('|')})(>=|<=|:|>|<|=)(.+)$`, 'i');

/** Splits a query on whitespace outside double quotes. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let quoted = false;
  for (let i = 0; i <= query.length; i++) {
    const c = query[i];
    const end = c === undefined || (!quoted && /\s/.test(c));
    if (end) {
      if (start >= 0) tokens.push({ text: query.slice(start, i), start, end: i });
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    if (c === '"') quoted = !quoted;
  }
  return tokens;
}

function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

export function parseChips(query: string): Chip[] {
  const chips: Chip[] = [];
  for (const t of tokenize(query)) {
    const m = CHIP.exec(t.text);
    if (!m) continue;
    const key = m[2]!.toLowerCase();
    // `tag:=NAME` is that tag alone (not what is beneath it): shown as `tag = NAME`.
    const exact = key === 'tag' && m[3] === ':' && m[4]!.startsWith('=');
    const value = unquote(exact ? m[4]!.slice(1) : m[4]!);
    if (value === '' || value === '"') continue;
    chips.push({
      key,
      op: exact ? '=' : (m[3] as ChipOp),
      value,
      negated: m[1] === '-',
      raw: t.text,
      start: t.start,
      end: t.end,
    });
  }
  return chips;
}

/** A short label for a chip: `tag: summer`, `not tag: draft`, `rating ≥ 4`. */
export function chipLabel(chip: Chip): string {
  const ops: Record<ChipOp, string> = { ':': ':', '=': ' =', '>': ' >', '<': ' <', '>=': ' ≥', '<=': ' ≤' };
  const key = chip.key === 'is' ? 'is' : chip.key;
  return `${chip.negated ? 'not ' : ''}${key}${ops[chip.op]} ${chip.value}`;
}

/** The query without the chip's token, with the whitespace around it tidied. */
export function removeChip(query: string, chip: Chip): string {
  const before = query.slice(0, chip.start).replace(/\s+$/, '');
  const after = query.slice(chip.end).replace(/^\s+/, '');
  return before && after ? `${before} ${after}` : before + after;
}

/** Quotes a filter value when it has spaces or quotes: `tag:"summer campaign"`. */
export function filterToken(key: string, value: string, op: ChipOp = ':'): string {
  const v = /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
  return `${key}${op}${v}`;
}
