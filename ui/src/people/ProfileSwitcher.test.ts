import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import type { Profile } from '../lib/api/types';
import ProfileSwitcher from './ProfileSwitcher.svelte';

async function setup() {
  const api = createFakeApi({ count: 2 });
  await api.addProfile('Ana', 'brand_manager', null);
  const switched: Profile[] = [];
  render(ProfileSwitcher, { props: { library: '/lib', onswitched: (p: Profile) => switched.push(p) }, context: apiContext(api) });
  await waitFor(() => expect(screen.getByTestId('profile-name').textContent).toBe('me'));
  return { api, switched };
}

describe('profile switcher', () => {
  it('shows who acts with the role, and switches to another profile', async () => {
    const { api, switched } = await setup();
    expect(screen.getByTestId('profile-chip').textContent).toContain('admin');
    await fireEvent.click(screen.getByTestId('profile-chip'));
    await waitFor(() => expect(screen.getAllByTestId('profile-choice')).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId('profile-choice').find((b) => b.dataset.name === 'Ana')!);
    await waitFor(() => expect(screen.getByTestId('profile-name').textContent).toBe('Ana'));
    expect(screen.getByTestId('profile-chip').textContent).toContain('brand manager');
    expect(switched.map((p) => p.name)).toEqual(['Ana']);
    expect((await api.acting()).name, 'the library acts as the profile picked').toBe('Ana');
  });

  it('offers People to admins only; the dialog adds a profile and shows the core refusal of the last admin', async () => {
    await setup();
    await fireEvent.click(screen.getByTestId('profile-chip'));
    await fireEvent.click(await screen.findByTestId('people-open'));
    await waitFor(() => expect(screen.getByTestId('person-Ana')).toBeTruthy());
    await fireEvent.input(screen.getByTestId('person-name'), { target: { value: 'Cy' } });
    await fireEvent.submit(screen.getByTestId('settings-person-form'));
    await waitFor(() => expect(screen.getByTestId('person-Cy')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('person-me-deactivate'));
    await waitFor(() => expect(screen.getByTestId('person-me-error').textContent).toContain('last active admin'));
    await fireEvent.click(screen.getByTestId('people-close'));

    await fireEvent.click(screen.getByTestId('profile-chip'));
    await fireEvent.click((await screen.findAllByTestId('profile-choice')).find((b) => b.dataset.name === 'Cy')!);
    await waitFor(() => expect(screen.getByTestId('profile-name').textContent).toBe('Cy'));
    await fireEvent.click(screen.getByTestId('profile-chip'));
    await screen.findAllByTestId('profile-choice');
    expect(screen.queryByTestId('people-open'), 'a contributor is not offered People').toBeNull();
  });
});
