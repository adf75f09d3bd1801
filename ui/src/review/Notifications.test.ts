// The bell, the sidebar's queue count and submitting from the inspector, on the fake.

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import Inspector from '../inspector/Inspector.svelte';
import { idTarget } from '../library/selection';
import NotificationBell from './NotificationBell.svelte';
import ReviewEntry from './ReviewEntry.svelte';

describe('notifications and counts', () => {
  it('counts what waits and what was decided, and opens the asset clicked', async () => {
    const api = createFakeApi({ count: 4 });
    await api.submitReview({ ids: [1, 2], collection: null, template: null, due: null, message: null });
    await api.decideReview(2, 'approve', null);
    const onopen = vi.fn();
    const { rerender } = render(NotificationBell, { props: { onopen, revision: 0 }, context: apiContext(api) });
    await waitFor(() => expect(screen.getByTestId('notifications-count').textContent, 'one waiting, one decision on mine').toBe('2'));
    await fireEvent.click(screen.getByTestId('notifications-open'));
    const items = screen.getAllByTestId('notification');
    expect(items.map((n) => n.dataset.kind)).toEqual(['waiting', 'decided']);
    await fireEvent.click(items[0]!);
    expect(onopen).toHaveBeenCalledWith(1);
    await api.submitReview({ ids: [3], collection: null, template: null, due: null, message: null });
    await rerender({ onopen, revision: 1 });
    await waitFor(() => expect(screen.getByTestId('notifications-count').textContent, 'read again when the library changes').toBe('3'));
  });

  it('the sidebar entry shows my queue count and follows the library', async () => {
    const api = createFakeApi({ count: 4 });
    const { rerender } = render(ReviewEntry, { props: { onopen: vi.fn(), revision: 0 }, context: apiContext(api) });
    await waitFor(() => expect(screen.getByTestId('review-count').textContent).toBe('0'));
    await api.submitReview({ ids: [1, 2], collection: null, template: null, due: null, message: null });
    await rerender({ onopen: vi.fn(), revision: 1 });
    await waitFor(() => expect(screen.getByTestId('review-count').textContent).toBe('2'));
  });

  it('submits for review from the inspector: template, due date (refused in the past), message', async () => {
    const api = createFakeApi({ count: 3 });
    render(Inspector, { props: { target: idTarget([2]), tagCounts: [] }, context: apiContext(api) });
    await fireEvent.click(await screen.findByTestId('review-submit-open'));
    await waitFor(() => expect((screen.getByTestId('review-submit-template') as HTMLSelectElement).value).toBe('Default'));
    await fireEvent.input(screen.getByTestId('review-submit-due'), { target: { value: '2000-01-01' } });
    await fireEvent.click(screen.getByTestId('review-submit'));
    expect((await screen.findByTestId('review-submit-error')).textContent, "the core's refusal in words").toContain('in the past');
    await fireEvent.input(screen.getByTestId('review-submit-due'), { target: { value: '2999-01-01' } });
    await fireEvent.input(screen.getByTestId('review-submit-message'), { target: { value: 'for the web' } });
    await fireEvent.click(screen.getByTestId('review-submit'));
    await waitFor(() => expect(screen.getByTestId('status-badge').dataset.status).toBe('in_review'));
    const queue = await api.reviewQueue(10);
    expect(queue.items.map((i) => [i.asset, i.message]), 'in my queue with its message').toEqual([[2, 'for the web']]);
  });
});
