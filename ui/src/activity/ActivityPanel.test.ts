import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import ActivityPanel from './ActivityPanel.svelte';

describe('the Activity view', () => {
  it('lists the audit trail newest first, filters it, and checks its chain', async () => {
    const api = createFakeApi({ count: 5 });
    await api.editAssets({ kind: 'ids', ids: [1, 2] }, { rating: 4, add_tags: [], remove_tags: [] });
    await api.setStatus([3], 'in_review');
    render(ActivityPanel, { props: { onclose: () => {} }, context: apiContext(api) });
    await waitFor(() => expect(screen.getAllByTestId('activity-event')).toHaveLength(2));
    const rows = screen.getAllByTestId('activity-event');
    expect(rows.map((r) => r.dataset.action)).toEqual(['transition', 'edit']);
    expect(rows[0]!.textContent).toContain('Moved 1 asset: draft → in review');
    expect(rows[1]!.textContent).toContain('Rating 4 on 2 assets');

    await fireEvent.change(screen.getByTestId('activity-what'), { target: { value: 'edit' } });
    await waitFor(() => expect(screen.getAllByTestId('activity-event').map((r) => r.dataset.action)).toEqual(['edit']));
    await fireEvent.input(screen.getByTestId('activity-asset'), { target: { value: '3' } });
    expect(await screen.findByTestId('activity-empty')).toBeTruthy();

    await fireEvent.click(screen.getByTestId('audit-verify'));
    expect((await screen.findByTestId('audit-check')).textContent).toContain('All 2 events check out');
  });
});
