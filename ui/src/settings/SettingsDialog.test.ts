import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import { idTarget } from '../library/selection';
import { fakeLayout } from '../test/layout';
import SettingsDialog from './SettingsDialog.svelte';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());
beforeEach(() => localStorage.clear());

type Api = ReturnType<typeof createFakeApi>;

function dialog(api: Api, ids: number[] = []) {
  const props = { target: idTarget(ids), onchanged: vi.fn(), onapplied: vi.fn(), onclose: vi.fn() };
  render(SettingsDialog, { props, context: apiContext(api) });
  return props;
}

describe('library settings', () => {
  it('defines a field (type, required, kinds, values) and shows the core refusal of a bad one', async () => {
    const api = createFakeApi({ count: 3 });
    const props = dialog(api);
    await fireEvent.input(screen.getByTestId('settings-field-name'), { target: { value: 'agency' } });
    await fireEvent.change(screen.getByTestId('settings-field-type'), { target: { value: 'choice' } });
    await fireEvent.click(screen.getByTestId('settings-field-required'));
    await fireEvent.click(screen.getByTestId('settings-field-kind-image'));
    await fireEvent.input(screen.getByTestId('settings-field-choices'), { target: { value: 'North, South' } });
    await fireEvent.click(screen.getByTestId('settings-field-add'));
    await screen.findByTestId('settings-field-agency');
    expect(api.calls.find((c) => c[0] === 'defineField')![1]).toEqual({
      name: 'agency', type: 'choice', required: true, kinds: ['image'], choices: ['North, South'],
    });
    expect((await api.listFields())[0]).toMatchObject({ name: 'agency', required: true, kinds: ['image'], choices: [{ value: 'North' }, { value: 'South' }] });
    expect(props.onchanged).toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId('settings-field-name'), { target: { value: 'rating' } });
    await fireEvent.click(screen.getByTestId('settings-field-add'));
    expect((await screen.findByTestId('settings-field-error')).textContent).toBe('invalid field name "rating": that is a built-in field');
  });

  it('retires a choice and brings it back', async () => {
    const api = createFakeApi({ count: 3 });
    await api.defineField({ name: 'agency', type: 'choices', required: false, kinds: [], choices: ['North', 'South'] });
    dialog(api);
    await fireEvent.click(await screen.findByTestId('settings-field-agency-retire-North'));
    await screen.findByTestId('settings-field-agency-restore-North');
    expect((await api.listFields())[0]!.choices).toEqual([{ value: 'North', retired: true }, { value: 'South', retired: false }]);
    expect(within(screen.getByTestId('settings-field-agency')).getByText('(retired)')).toBeTruthy();

    const add = screen.getByTestId('settings-field-agency-choice-input');
    await fireEvent.input(add, { target: { value: 'East' } });
    await fireEvent.click(screen.getByTestId('settings-field-agency-choice-add'));
    await screen.findByTestId('settings-field-agency-retire-East');
    await fireEvent.click(screen.getByTestId('settings-field-agency-restore-North'));
    await screen.findByTestId('settings-field-agency-retire-North');
    expect((await api.listFields())[0]!.choices.map((c) => [c.value, c.retired])).toEqual([['North', false], ['South', false], ['East', false]]);
  });

  it('shows the core refusing to remove a field in use, with the count', async () => {
    const api = createFakeApi({ count: 5 });
    await api.defineField({ name: 'budget', type: 'number', required: false, kinds: [], choices: [] });
    await api.setFields({ kind: 'ids', ids: [1, 2] }, [{ name: 'budget', value: '10' }]);
    dialog(api);
    await fireEvent.click(await screen.findByTestId('settings-field-budget-remove'));
    const error = await screen.findByTestId('settings-field-budget-error');
    expect(error.textContent).toContain('is used by 2 asset(s)');
    await api.setFields({ kind: 'ids', ids: [1, 2] }, [{ name: 'budget', value: '' }]);
    await fireEvent.click(screen.getByTestId('settings-field-budget-remove'));
    await waitFor(() => expect(screen.queryByTestId('settings-field-budget')).toBeNull());
  });

  it('defines a template and applies it to the selection as one edit', async () => {
    const api = createFakeApi({ count: 5 });
    const props = dialog(api, [2, 3]);
    await fireEvent.click(screen.getByTestId('settings-tab-templates'));
    await fireEvent.input(screen.getByTestId('settings-template-name'), { target: { value: 'Spring' } });
    await fireEvent.input(screen.getByTestId('settings-template-assignments'), { target: { value: 'campaign=Spring 2027\nlabel=mauve' } });
    await fireEvent.click(screen.getByTestId('settings-template-add'));
    expect((await screen.findByTestId('settings-template-error')).textContent).toContain('invalid label "mauve"');

    await fireEvent.input(screen.getByTestId('settings-template-assignments'), { target: { value: 'campaign=Spring 2027\nlabel=green' } });
    await fireEvent.click(screen.getByTestId('settings-template-add'));
    const apply = await screen.findByTestId('settings-template-Spring-apply');
    expect(apply.textContent?.trim()).toBe('Apply to 2 assets');
    await fireEvent.click(apply);
    await screen.findByTestId('settings-template-applied');
    expect(api.calls.find((c) => c[0] === 'applyTemplate')!.slice(1)).toEqual(['Spring', { kind: 'ids', ids: [2, 3] }]);
    expect(props.onapplied).toHaveBeenCalledWith(expect.objectContaining({ changed: 2 }));
    const d = await api.assetDetail(3);
    expect([d.campaign, d.label]).toEqual(['Spring 2027', 'green']);
    expect((await api.editLog(1, true))[0]!.summary, 'one edit-log step').toBe('campaign, label green');
  });

  it('opens from the header and Ctrl+, and a field defined there shows in the inspector', async () => {
    const api = createFakeApi({ count: 10 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[0]!);
    await screen.findByTestId('inspector-fields');
    await fireEvent.keyDown(window, { key: ',', ctrlKey: true });
    expect(await screen.findByTestId('settings-panel')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('settings-close'));
    await waitFor(() => expect(screen.queryByTestId('settings-panel')).toBeNull());

    await fireEvent.click(screen.getByTestId('settings-open'));
    await fireEvent.input(await screen.findByTestId('settings-field-name'), { target: { value: 'shoot_date' } });
    await fireEvent.change(screen.getByTestId('settings-field-type'), { target: { value: 'date' } });
    await fireEvent.click(screen.getByTestId('settings-field-required'));
    await fireEvent.click(screen.getByTestId('settings-field-add'));
    await screen.findByTestId('settings-field-shoot_date');
    // A culling key typed in the settings does not label the selection behind it.
    await fireEvent.keyDown(screen.getByTestId('settings-field-add'), { key: '6' });
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('settings-panel')).toBeNull());

    const input = (await screen.findByTestId('field-shoot_date')) as HTMLInputElement;
    // Empty and unfocused, a date field is a text box with a placeholder (WebKitGTK draws today in an empty date input).
    expect([input.type, input.placeholder]).toEqual(['text', 'YYYY-MM-DD']);
    expect(screen.getByTestId('field-shoot_date-missing')).toBeTruthy();
    await fireEvent.focus(input);
    await waitFor(() => expect(input.type).toBe('date'));
    await fireEvent.input(input, { target: { value: '2025-03-01' } });
    await fireEvent.blur(input);
    await waitFor(() => expect(screen.queryByTestId('field-shoot_date-missing')).toBeNull());
    expect(api.calls.filter((c) => c[0] === 'setFields').map((c) => c[2])).toEqual([[{ name: 'shoot_date', value: '2025-03-01' }]]);
  });
});
