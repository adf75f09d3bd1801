import { describe, expect, it } from 'vitest';
import type { CustomField } from '../lib/api/types';
import { createFakeApi } from '../lib/api/fake';
import { accept, suggest, vocabularyOf, type Vocabulary } from './suggest';

const shot: CustomField = {
  id: 1, name: 'Shot', type: 'choice', required: false, kinds: [], position: 0,
  choices: [{ value: 'Studio', retired: false }, { value: 'On location', retired: false }, { value: 'Archive', retired: true }],
};
const vocab: Vocabulary = {
  fields: [shot, { ...shot, id: 2, name: 'Notes', type: 'text', choices: [] }],
  tags: ['Brand', 'Brand/Product', 'Brand/Product/Sneaker', 'Summer 2024'],
  collections: ['Archive', 'Archive/2023'],
  smart: ['Best of'],
};

/** The labels offered with the caret at the end (or at `|`). */
function labels(q: string): string[] {
  const caret = q.includes('|') ? q.indexOf('|') : q.length;
  return suggest(q.replace('|', ''), caret, vocab)?.suggestions.map((s) => s.label) ?? [];
}

describe('search suggestions', () => {
  it('completes a bare prefix to filter keys and custom field names', () => {
    expect(labels('lic')).toEqual(['licence:']);
    expect(labels('lab')).toEqual(['label:']);
    expect(labels('s')).toEqual(['smart:', 'Shot:']);
    expect(labels('no')).toEqual(['Notes:']);
    expect(labels('t').length).toBeLessThanOrEqual(8);
  });

  it('offers the values a key takes', () => {
    expect(labels('label:')).toEqual(['red', 'orange', 'yellow', 'green', 'blue', 'purple']);
    expect(labels('label:r')).toEqual(['red']);
    expect(labels('flag:')).toEqual(['pick', 'reject']);
    expect(labels('type:')).toEqual(['image', 'video', 'audio', 'document', 'font', 'other']);
    expect(labels('missing:')).toEqual(expect.arrayContaining(['alt', 'required', 'caption']));
    expect(labels('missing:').length).toBe(8);
    expect(labels('is:')).toEqual(['untagged']);
    expect(labels('collection:arch')).toEqual(['Archive', 'Archive/2023']);
    expect(labels('smart:')).toEqual(['Best of']);
  });

  it('offers a choice field its vocabulary without retired values; a text field nothing', () => {
    expect(labels('shot:')).toEqual(['Studio', 'On location']);
    expect(labels('Shot:on')).toEqual(['On location']);
    expect(labels('notes:')).toEqual([]);
  });

  it('matches tag paths from the start or any part, and quotes values with spaces', () => {
    expect(labels('tag:sne')).toEqual(['Brand/Product/Sneaker']);
    const c = suggest('tag:sum', 7, vocab)!;
    expect(c.suggestions[0]!.text).toBe('tag:"Summer 2024"');
    expect(labels('tag:"sum')).toEqual(['Summer 2024']);
  });

  it('completes the token under the caret, keeping a negation', () => {
    expect(labels('beach lab| red')).toEqual(['label:']);
    expect(labels('beach -fl')).toEqual(['flag:']);
    expect(suggest('beach -fl', 9, vocab)!.suggestions[0]!.text).toBe('-flag:');
    expect(labels('beach |')).toEqual([]);
    expect(labels('')).toEqual([]);
    expect(labels('label:red'), 'written in full').toEqual([]);
    expect(labels('width>')).toEqual([]);
  });

  it('accepting a key leaves the caret after the colon; a value gets a space', () => {
    const key = suggest('beach lab', 9, vocab)!;
    expect(accept('beach lab', key, key.suggestions[0]!)).toEqual({ query: 'beach label:', caret: 12 });
    const value = suggest('label:r', 7, vocab)!;
    expect(accept('label:r', value, value.suggestions[0]!)).toEqual({ query: 'label:red ', caret: 10 });
    const mid = suggest('lab beach', 3, vocab)!;
    expect(accept('label:r beach', { ...mid, end: 7 }, { label: 'red', text: 'label:red', complete: true })).toEqual({
      query: 'label:red beach',
      caret: 10,
    });
  });
});

describe('the vocabulary from the commands', () => {
  it('walks the collection tree: every path, and the smart ones by name', async () => {
    const api = createFakeApi({ count: 3 });
    await api.collectionCreate('Archive/2023');
    await api.smartAdd('Archive/Best of', 'rating>=4');
    const v = vocabularyOf(await api.listFields(), await api.tagCounts(), await api.collections());
    expect(v.collections).toEqual(expect.arrayContaining(['Archive', 'Archive/2023', 'Archive/Best of']));
    expect(v.smart).toEqual(['Best of']);
  });
});
