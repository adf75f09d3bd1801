import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake';
import type { ApiError, FieldAssignment } from './types';

const ids = (...n: number[]) => ({ kind: 'ids' as const, ids: n });
const all = { kind: 'query' as const, query: '', except: [] };
const set = (name: string, value: string): FieldAssignment => ({ name, value });
const definition = (name: string, type: string, choices: string[] = [], required = false, kinds: string[] = []) =>
  ({ name, type, required, kinds, choices });

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('the fake fields, as the core has them', () => {
  it('sets built-in and custom fields on a selection in one undo step', async () => {
    const api = createFakeApi({ count: 30 });
    await api.defineField(definition('agency', 'choice', ['North', 'South']));
    const outcome = await api.setFields(all, [set('label', 'Red'), set('licence', 'CC BY'), set('alt_text', 'gulls at dawn'), set('agency', 'north')]);
    expect(outcome.changed).toBe(30);
    const d = await api.assetDetail(7);
    expect([d.label, d.rights.licence, d.alt_text, d.fields]).toEqual(['red', 'CC BY', 'gulls at dawn', { agency: 'North' }]);
    expect((await api.search({ query: 'gulls label:red agency:North', sort: 'added', order: null, limit: 5, cursor: null })).total).toBe(30);
    const log = await api.editLog(1, true);
    expect(log[0]!.summary).toBe('label red, licence, alt_text, agency');
    await api.undoLast();
    const back = await api.assetDetail(7);
    expect([back.label, back.rights.licence, back.alt_text, back.fields]).toEqual([null, null, null, {}]);
  });

  it('refuses bad values at their field, and writes nothing then', async () => {
    const api = createFakeApi({ count: 3 });
    await api.defineField(definition('shot', 'date'));
    for (const [name, value] of [['label', 'white'], ['flag', 'maybe'], ['expires', '2027-02-30'], ['rating', '6'], ['shot', 'soon'], ['nope', '1']]) {
      const e = await refusal(api.setFields(ids(1), [set('title', 'x'), set(name!, value!)]));
      expect([e.code, e.field]).toEqual(['invalid_input', name]);
    }
    expect((await api.assetDetail(1)).title).not.toBe('x');
  });

  it('keeps retired values on assets, refuses them on writes, and refuses removing a field in use', async () => {
    const api = createFakeApi({ count: 3 });
    await api.defineField(definition('agency', 'choices', ['North', 'South']));
    await api.setFields(ids(1), [set('agency', 'south, north')]);
    expect((await api.assetDetail(1)).fields).toEqual({ agency: ['North', 'South'] });
    const f = await api.editFieldChoices('agency', ['East'], ['North']);
    expect(f.choices).toEqual([{ value: 'North', retired: true }, { value: 'South', retired: false }, { value: 'East', retired: false }]);
    const e = await refusal(api.setFields(ids(2), [set('agency', 'North')]));
    expect(e.message).toContain('retired');
    const used = await refusal(api.removeField('agency'));
    expect([used.code, used.message]).toEqual(['conflict', expect.stringContaining('1 asset')]);
    expect((await refusal(api.defineField(definition('Agency', 'text')))).code).toBe('conflict');
  });

  it('applies a template to many assets as one edit', async () => {
    const api = createFakeApi({ count: 5 });
    await api.addTemplate('Agency shoot', [set('credit', 'Agency X'), set('flag', 'pick')]);
    expect((await api.listTemplates()).map((t) => t.name)).toEqual(['Agency shoot']);
    const outcome = await api.applyTemplate('agency shoot', ids(1, 2, 3));
    expect(outcome.changed).toBe(3);
    expect((await api.assetDetail(2)).credit).toBe('Agency X');
    await api.undoLast();
    expect((await api.assetDetail(2)).flag).toBeNull();
    expect((await refusal(api.applyTemplate('nope', ids(1)))).code).toBe('not_found');
  });
});
