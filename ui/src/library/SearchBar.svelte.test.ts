import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomField } from '../lib/api/types';
import SearchBar from './SearchBar.svelte';
import type { Vocabulary } from './suggest';

const shot: CustomField = {
  id: 1, name: 'Shot', type: 'choice', required: false, kinds: [], position: 0,
  choices: [{ value: 'Studio', retired: false }, { value: 'On location', retired: false }, { value: 'Archive', retired: true }],
};
const vocabulary: Vocabulary = { fields: [shot], tags: ['Brand/Sneaker'], collections: [], smart: [] };

function mount() {
  const onsearch = vi.fn();
  render(SearchBar, { props: { value: '', onsearch, vocabulary, delay: 10 } });
  return { onsearch, box: screen.getByTestId('search') as HTMLInputElement };
}

async function type(box: HTMLInputElement, text: string) {
  box.value = text;
  box.setSelectionRange(text.length, text.length);
  await fireEvent.input(box);
}

const offered = () => screen.queryAllByTestId('search-suggestion').map((o) => o.textContent?.trim());
const highlighted = () => screen.queryAllByTestId('search-suggestion').findIndex((o) => o.getAttribute('aria-selected') === 'true');

describe('suggestions in the search bar', () => {
  afterEach(cleanup);

  it('offers label: for lab, then the colours, and choosing red writes label:red and a space', async () => {
    const { box, onsearch } = mount();
    await type(box, 'lab');
    expect(screen.getByTestId('search-suggestions').getAttribute('role')).toBe('listbox');
    expect(screen.getAllByRole('option').map((o) => o.textContent?.trim())).toEqual(['label:']);
    await fireEvent.keyDown(box, { key: 'Tab' });
    await waitFor(() => expect(box.value).toBe('label:'));
    expect(box.selectionStart).toBe(6);
    expect(offered()).toEqual(['red', 'orange', 'yellow', 'green', 'blue', 'purple']);
    await fireEvent.click(screen.getAllByTestId('search-suggestion')[0]!);
    await waitFor(() => expect(box.value).toBe('label:red '));
    expect(box.selectionStart).toBe(10);
    expect(offered()).toEqual([]);
    await waitFor(() => expect(onsearch).toHaveBeenLastCalledWith('label:red '));
  });

  it("offers a choice field's vocabulary without its retired values", async () => {
    const { box } = mount();
    await type(box, 'beach shot:');
    expect(offered()).toEqual(['Studio', 'On location']);
    await type(box, 'beach shot:on');
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value, 'Enter with nothing highlighted does not accept').toBe('beach shot:on');
  });

  it('moves with the arrows and accepts the highlighted one with Enter', async () => {
    const { box, onsearch } = mount();
    await type(box, 'flag:');
    expect(highlighted()).toBe(-1);
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(highlighted()).toBe(1);
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(highlighted(), 'past the last: none').toBe(-1);
    await fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(highlighted()).toBe(1);
    onsearch.mockClear();
    await fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(box.value).toBe('flag:reject '));
    await waitFor(() => expect(onsearch).toHaveBeenCalledWith('flag:reject '));
  });

  it('Escape closes the list first, then clears the search as before', async () => {
    const { box, onsearch } = mount();
    await type(box, 'tag:sne');
    expect(offered()).toEqual(['Brand/Sneaker']);
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(offered()).toEqual([]);
    expect(box.value).toBe('tag:sne');
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.value).toBe('');
    expect(onsearch).toHaveBeenLastCalledWith('');
  });

  it('waits for the value of a half-typed filter before searching; Enter still searches at once', async () => {
    const { box, onsearch } = mount();
    await type(box, 'sneaker');
    await waitFor(() => expect(onsearch).toHaveBeenLastCalledWith('sneaker'));
    const n = onsearch.mock.calls.length;
    await type(box, 'sneaker agency:');
    await new Promise((r) => setTimeout(r, 50));
    expect(onsearch.mock.calls.length, 'no search for the half-typed filter').toBe(n);
    await type(box, 'sneaker agency:acme');
    await waitFor(() => expect(onsearch).toHaveBeenLastCalledWith('sneaker agency:acme'));
    await type(box, 'sneaker rating>=');
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onsearch).toHaveBeenLastCalledWith('sneaker rating>=');
  });
});
