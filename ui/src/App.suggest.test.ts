import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { createFakeApi } from './lib/api/fake';
import { fakeLayout } from './test/layout';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());
beforeEach(() => localStorage.clear());

describe('search suggestions in the app', () => {
  it("offers the library's custom fields and collections, read when the app opens", async () => {
    const api = createFakeApi({ count: 5 });
    await api.defineField({ name: 'Shot', type: 'choice', required: false, kinds: [], choices: ['Studio', 'Outdoor'] });
    await api.collectionCreate('Picks');
    render(App, { props: { api } });
    await waitFor(() => expect(screen.getAllByTestId('tile').length).toBeGreaterThan(0));
    const box = screen.getByTestId('search') as HTMLInputElement;
    const typeIn = async (text: string) => {
      box.value = text;
      box.setSelectionRange(text.length, text.length);
      await fireEvent.input(box);
    };
    await typeIn('shot:');
    await waitFor(() =>
      expect(screen.getAllByTestId('search-suggestion').map((o) => o.textContent?.trim())).toEqual(['Studio', 'Outdoor']),
    );
    await typeIn('collection:p');
    expect(screen.getAllByTestId('search-suggestion').map((o) => o.textContent?.trim())).toEqual(['Picks']);
  });
});
