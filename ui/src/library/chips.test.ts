import { describe, expect, it } from 'vitest';
import { chipLabel, filterToken, parseChips, removeChip, tokenize } from './chips';

describe('tokenize', () => {
  it('splits on spaces outside quotes', () => {
    expect(tokenize('beach  tag:"summer campaign" -draft').map((t) => t.text)).toEqual([
      'beach',
      'tag:"summer campaign"',
      '-draft',
    ]);
  });

  it('records offsets', () => {
    const [a, b] = tokenize(' ab  cd');
    expect(a).toEqual({ text: 'ab', start: 1, end: 3 });
    expect(b).toEqual({ text: 'cd', start: 5, end: 7 });
  });
});

describe('parseChips', () => {
  it('recognises filters and leaves words alone', () => {
    const chips = parseChips(
      'beach tag:summer -tag:draft rating>=4 type:image "a phrase" width>2000 is:untagged campaign:"Summer 25"',
    );
    expect(chips.map((c) => [c.key, c.op, c.value, c.negated])).toEqual([
      ['tag', ':', 'summer', false],
      ['tag', ':', 'draft', true],
      ['rating', '>=', '4', false],
      ['type', ':', 'image', false],
      ['width', '>', '2000', false],
      ['is', ':', 'untagged', false],
      ['campaign', ':', 'Summer 25', false],
    ]);
  });

  it('unquotes values and ignores unknown keys and empty values', () => {
    const chips = parseChips('tag:"summer campaign" foo:bar tag: added>2025-01-01');
    expect(chips.map((c) => c.value)).toEqual(['summer campaign', '2025-01-01']);
  });

  it('labels chips for people', () => {
    const [exact] = parseChips('tag:="Brand/Product"');
    expect(chipLabel(exact!), 'tag:= is that tag alone').toBe('tag = Brand/Product');
    const [a, b, c] = parseChips('-tag:draft rating>=4 type:image');
    expect(chipLabel(a!)).toBe('not tag: draft');
    expect(chipLabel(b!)).toBe('rating ≥ 4');
    expect(chipLabel(c!)).toBe('type: image');
  });
});

describe('removeChip', () => {
  it('removes the token and tidies the spaces', () => {
    const q = 'beach tag:summer rating>=4';
    const [tag, rating] = parseChips(q);
    expect(removeChip(q, tag!)).toBe('beach rating>=4');
    expect(removeChip(q, rating!)).toBe('beach tag:summer');
  });

  it('removes a quoted chip at the start', () => {
    const q = 'tag:"summer campaign"   beach';
    expect(removeChip(q, parseChips(q)[0]!)).toBe('beach');
  });

  it('removes the only chip', () => {
    const q = 'type:video';
    expect(removeChip(q, parseChips(q)[0]!)).toBe('');
  });

  it('removes the right one of two identical chips', () => {
    const q = 'tag:a x tag:a';
    const [, second] = parseChips(q);
    expect(removeChip(q, second!)).toBe('tag:a x');
  });
});

describe('filterToken', () => {
  it('quotes values with spaces', () => {
    expect(filterToken('tag', 'summer')).toBe('tag:summer');
    expect(filterToken('tag', 'summer campaign')).toBe('tag:"summer campaign"');
  });
});
