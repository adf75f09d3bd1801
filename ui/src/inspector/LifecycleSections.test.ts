// The inspector's status and versions sections on the fake (which moves and stacks as the core does).

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import { FILES_DROP } from '../import/dropZones';
import { idTarget } from '../library/selection';
import Inspector from './Inspector.svelte';

/** An image asset of the fake (versions are refused across kinds). */
async function anImage(api: ReturnType<typeof createFakeApi>): Promise<number> {
  for (let id = 1; ; id++) if ((await api.assetDetail(id)).type === 'image') return id;
}

describe('inspector status and versions', () => {
  it('shows the state and moves it by the table: submit, approve, archive, restore', async () => {
    const api = createFakeApi({ count: 5 });
    const onchanged = vi.fn();
    render(Inspector, { props: { target: idTarget([2]), tagCounts: [], onchanged }, context: apiContext(api) });
    const section = await screen.findByTestId('status-section');
    expect(section.querySelector('[data-testid=status-badge]')?.textContent).toBe('Draft');
    const move = async (to: string) => {
      const button = await waitFor(() => {
        const b = section.querySelector(`[data-to=${to}]`);
        expect(b).not.toBeNull();
        return b as HTMLElement;
      });
      await fireEvent.click(button);
      await waitFor(() => expect(section.querySelector('[data-testid=status-badge]')?.getAttribute('data-status')).toBe(to));
    };
    await move('in_review');
    await move('approved');
    expect(section.querySelector('[data-to=draft]'), 'approved does not go back to draft').toBeNull();
    await move('archived');
    await fireEvent.click(await screen.findByTestId('status-restore'));
    await waitFor(() => expect(section.querySelector('[data-testid=status-badge]')?.getAttribute('data-status')).toBe('approved'));
    expect(onchanged).toHaveBeenCalledTimes(4);
    expect(screen.getByTestId('status-history').textContent).toContain('4 moves');
  });

  it('adds a version from the picker or a drop, lists the stack newest first, and reverts', async () => {
    const api = createFakeApi({ count: 6 });
    const id = await anImage(api);
    render(Inspector, { props: { target: idTarget([id]), tagCounts: [] }, context: apiContext(api) });
    await fireEvent.click(await screen.findByTestId('version-add'));
    await waitFor(() => expect(screen.getAllByTestId('version')).toHaveLength(2));
    expect(screen.getAllByTestId('version').map((v) => v.dataset.number)).toEqual(['2', '1']);
    expect(api.calls.find((c) => c[0] === 'addVersion')).toEqual(['addVersion', id, '/home/me/Pictures/Lisbon/tram-28.jpg']);

    const zone = screen.getByTestId('versions-section');
    zone.dispatchEvent(new CustomEvent(FILES_DROP, { detail: ['/dropped/poster_final.jpg'] }));
    await waitFor(() => expect(screen.getAllByTestId('version')).toHaveLength(3));

    await fireEvent.click(screen.getAllByTestId('version-revert').at(-1)!);
    await waitFor(() => expect(screen.getAllByTestId('version').find((v) => v.classList.contains('current'))?.dataset.number).toBe('1'));
    expect((await api.versions(id)).find((v) => v.current)?.number).toBe(1);
  });
});
