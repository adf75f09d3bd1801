import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import type { FieldAssignment, Selection } from '../lib/api/types';
import { editTarget, emptySelection, idTarget, selectAll } from '../library/selection';
import Inspector from './Inspector.svelte';

type Api = ReturnType<typeof createFakeApi>;
const writes = (api: Api) =>
  api.calls.filter((c) => c[0] === 'setFields').map((c) => ({ selection: c[1] as Selection, assignments: c[2] as FieldAssignment[] }));
const lastWrite = (api: Api) => writes(api).at(-1)?.assignments;
const def = (name: string, type: string, choices: string[] = [], required = false) => ({ name, type, required, kinds: [], choices });

async function show(api: Api, ids: number[]) {
  render(Inspector, { props: { target: idTarget(ids), tagCounts: [] }, context: apiContext(api) });
  await waitFor(() => expect(api.calls.filter((c) => c[0] === 'assetDetail').length).toBeGreaterThanOrEqual(ids.length));
  await screen.findByTestId('inspector-fields');
}

async function type(testid: string, value: string) {
  const box = screen.getByTestId(testid) as HTMLInputElement;
  await fireEvent.focus(box);
  await fireEvent.input(box, { target: { value } });
  await fireEvent.blur(box);
}

describe('inspector fields', () => {
  it('writes each control type as its assignment', async () => {
    const api = createFakeApi({ count: 5 });
    await api.defineField(def('brief', 'text'));
    await api.defineField(def('notes', 'long-text'));
    await api.defineField(def('budget', 'number'));
    await api.defineField(def('shoot_date', 'date'));
    await api.defineField(def('source', 'url'));
    await api.defineField(def('approved', 'bool'));
    await api.defineField(def('agency', 'choice', ['North', 'South']));
    await api.defineField(def('channels', 'choices', ['web', 'print', 'social']));
    await show(api, [2]);
    await screen.findByTestId('field-brief');

    await type('field-alt_text', 'A gull at dawn');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'alt_text', value: 'A gull at dawn' }]));
    expect(writes(api)[0]!.selection).toEqual({ kind: 'ids', ids: [2] });
    await type('field-licence', 'CC BY');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'licence', value: 'CC BY' }]));
    await type('field-expires', '2027-01-31');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'expires', value: '2027-01-31' }]));
    expect((screen.getByTestId('field-expires') as HTMLInputElement).type).toBe('date');
    await type('field-brief', 'Hero');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'brief', value: 'Hero' }]));
    await type('field-notes', 'line one\nline two');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'notes', value: 'line one\nline two' }]));
    expect(screen.getByTestId('field-notes').tagName).toBe('TEXTAREA');
    await type('field-budget', '3.5');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'budget', value: '3.5' }]));
    await type('field-shoot_date', '2025-03-01');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'shoot_date', value: '2025-03-01' }]));
    await type('field-source', 'https://example.com/a');
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'source', value: 'https://example.com/a' }]));

    await fireEvent.click(screen.getByTestId('field-approved'));
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'approved', value: 'yes' }]));
    await waitFor(() => expect((screen.getByTestId('field-approved') as HTMLInputElement).checked).toBe(true));

    await fireEvent.change(screen.getByTestId('field-agency'), { target: { value: 'South' } });
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'agency', value: 'South' }]));

    const boxes = within(screen.getByTestId('field-channels')).getAllByRole('checkbox') as HTMLInputElement[];
    await fireEvent.click(boxes[2]!);
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'channels', value: 'social' }]));
    await waitFor(() => expect(boxes[2]!.checked).toBe(true));
    await fireEvent.click(boxes[0]!);
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'channels', value: 'web, social' }]));

    await fireEvent.click(screen.getByTestId('label-green'));
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'label', value: 'green' }]));
    await fireEvent.click(screen.getByTestId('flag-reject'));
    await waitFor(() => expect(lastWrite(api)).toEqual([{ name: 'flag', value: 'reject' }]));

    const d = await api.assetDetail(2);
    expect([d.alt_text, d.rights.licence, d.rights.expires, d.label, d.flag]).toEqual(['A gull at dawn', 'CC BY', '2027-01-31', 'green', 'reject']);
    expect(d.fields).toEqual({
      brief: 'Hero', notes: 'line one\nline two', budget: 3.5, shoot_date: '2025-03-01', source: 'https://example.com/a',
      approved: true, agency: 'South', channels: ['web', 'social'],
    });
  });

  it('shows differing values as mixed and does not clear them', async () => {
    const api = createFakeApi({ count: 5 });
    await api.defineField(def('agency', 'choice', ['North', 'South']));
    await api.defineField(def('approved', 'bool'));
    await api.setFields({ kind: 'ids', ids: [1] }, [{ name: 'credit', value: 'Ann' }, { name: 'label', value: 'red' }, { name: 'agency', value: 'North' }, { name: 'approved', value: 'yes' }]);
    await api.setFields({ kind: 'ids', ids: [2] }, [{ name: 'credit', value: 'Bo' }, { name: 'label', value: 'blue' }, { name: 'agency', value: 'South' }]);
    await api.setFields({ kind: 'ids', ids: [1, 2] }, [{ name: 'campaign', value: 'Spring' }]);
    api.calls.length = 0;
    await show(api, [1, 2]);
    await screen.findByTestId('field-agency-mixed');

    const credit = screen.getByTestId('field-credit') as HTMLInputElement;
    expect([credit.value, credit.placeholder]).toEqual(['', 'Mixed']);
    expect(screen.getByTestId('field-credit-mixed')).toBeTruthy();
    expect((screen.getByTestId('field-campaign') as HTMLInputElement).value, 'a shared value shows').toBe('Spring');
    expect(screen.queryByTestId('field-campaign-mixed')).toBeNull();
    expect(screen.getByTestId('label-mixed')).toBeTruthy();
    expect(screen.getByTestId('label-red').getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByTestId('field-approved') as HTMLInputElement).indeterminate).toBe(true);
    expect((screen.getByTestId('field-agency') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Mixed');

    // Focusing and leaving a mixed field writes nothing.
    await type('field-credit', '');
    await type('field-caption', '');
    expect(writes(api), 'leaving a mixed field as it was clears nothing').toEqual([]);
    expect((await api.assetDetail(1)).credit).toBe('Ann');

    // Clearing them all is a separate, explicit action.
    await fireEvent.click(screen.getByTestId('field-approved-clear'));
    await waitFor(() => expect(writes(api)).toEqual([{ selection: { kind: 'ids', ids: [1, 2] }, assignments: [{ name: 'approved', value: '' }] }]));
    expect(screen.queryByTestId('field-agency-clear'), 'a choice list has None instead').toBeNull();
    api.calls.length = 0;

    // Editing one sets it on all.
    await type('field-credit', 'Studio');
    await waitFor(() => expect(writes(api)).toEqual([{ selection: { kind: 'ids', ids: [1, 2] }, assignments: [{ name: 'credit', value: 'Studio' }] }]));
    await waitFor(() => expect(screen.queryByTestId('field-credit-mixed')).toBeNull());
    expect([(await api.assetDetail(1)).credit, (await api.assetDetail(2)).credit]).toEqual(['Studio', 'Studio']);
  });

  it('shows a shared title, and differing descriptions as mixed that leaving them does not clear', async () => {
    const api = createFakeApi({ count: 5 });
    await api.editAssets({ kind: 'ids', ids: [1, 2] }, { title: 'Dunes', add_tags: [], remove_tags: [] });
    await api.editAssets({ kind: 'ids', ids: [1] }, { description: 'first', add_tags: [], remove_tags: [] });
    api.calls.length = 0;
    await show(api, [1, 2]);
    const title = screen.getByTestId('title-input') as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Dunes'));
    expect(screen.queryByTestId('title-mixed')).toBeNull();
    expect(screen.getByTestId('description-mixed')).toBeTruthy();
    const description = screen.getByLabelText(/Description/) as HTMLTextAreaElement;
    expect(description.value).toBe('');
    await fireEvent.focus(description);
    await fireEvent.blur(description);
    expect(api.calls.filter((c) => c[0] === 'editAssets')).toEqual([]);
    expect((await api.assetDetail(1)).description).toBe('first');
  });

  it('shows a large selection as mixed rather than guessing', async () => {
    const api = createFakeApi({ count: 300 });
    await api.setFields({ kind: 'query', query: '', except: [] }, [{ name: 'credit', value: 'Everyone' }]);
    api.calls.length = 0;
    const loaded = Array.from({ length: 50 }, (_, i) => 300 - i);
    const target = editTarget(selectAll(emptySelection, loaded, ''), { ids: loaded, total: 300, totalExact: true, complete: false });
    render(Inspector, { props: { target, tagCounts: [] }, context: apiContext(api) });
    await screen.findByTestId('inspector-fields');
    expect(screen.getByTestId('field-credit-mixed')).toBeTruthy();
    expect((screen.getByTestId('field-credit') as HTMLInputElement).placeholder).toBe('Mixed (not all loaded)');
    expect(screen.getByTestId('flag-mixed')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('flag-pick'));
    await waitFor(() => expect(writes(api)).toEqual([{ selection: { kind: 'query', query: '', except: [] }, assignments: [{ name: 'flag', value: 'pick' }] }]));
  });

  it('marks a required field and says when it is empty', async () => {
    const api = createFakeApi({ count: 3 });
    await api.defineField(def('usage_region', 'text', [], true));
    await show(api, [1]);
    await screen.findByTestId('field-usage_region');
    expect(screen.getByTestId('field-usage_region-required')).toBeTruthy();
    expect(screen.getByTestId('field-usage_region-missing').textContent).toContain('required');
    await type('field-usage_region', 'EU');
    await waitFor(() => expect(screen.queryByTestId('field-usage_region-missing')).toBeNull());
  });

  it("shows the core's refusal next to the field", async () => {
    const api = createFakeApi({ count: 3 });
    await api.defineField(def('budget', 'number'));
    await show(api, [1]);
    await screen.findByTestId('field-budget');
    await type('field-budget', 'lots');
    const error = await screen.findByTestId('field-budget-error');
    expect(error.textContent).toBe('invalid budget "lots": a number, e.g. 42 or 3.5');
    await type('field-budget', '12');
    await waitFor(() => expect(screen.queryByTestId('field-budget-error')).toBeNull());
    expect((await api.assetDetail(1)).fields).toEqual({ budget: 12 });
  });

  it('writes a picked date once (change, then blur)', async () => {
    const api = createFakeApi({ count: 3 });
    await show(api, [1]);
    const box = screen.getByTestId('field-expires') as HTMLInputElement;
    await fireEvent.focus(box);
    await fireEvent.input(box, { target: { value: '2027-06-30' } });
    await fireEvent.change(box);
    await fireEvent.blur(box);
    await waitFor(async () => expect((await api.assetDetail(1)).rights.expires).toBe('2027-06-30'));
    await waitFor(() => expect(box.value).toBe('2027-06-30'));
    expect(writes(api)).toEqual([{ selection: { kind: 'ids', ids: [1] }, assignments: [{ name: 'expires', value: '2027-06-30' }] }]);
  });

  it('offers active choices, and shows a retired value an asset still has, marked', async () => {
    const api = createFakeApi({ count: 3 });
    await api.defineField(def('agency', 'choice', ['North', 'South', 'West']));
    await api.setFields({ kind: 'ids', ids: [1] }, [{ name: 'agency', value: 'North' }]);
    await api.editFieldChoices('agency', [], ['North', 'West']);
    await show(api, [1]);
    const select = (await screen.findByTestId('field-agency')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('North'));
    expect([...select.options].map((o) => o.textContent)).toEqual(['None', 'North (retired)', 'South']);
  });
});
