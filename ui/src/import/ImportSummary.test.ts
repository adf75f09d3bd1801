import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { IngestSummary } from '../lib/api/types';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import ImportSummary from './ImportSummary.svelte';

const report = (failed: number): IngestSummary => ({
  ingested: 1,
  duplicates: 0,
  skipped: 1,
  failed,
  skipped_files: [{ path: '/x/b.part', reason: 'still downloading' }],
  // The event carries the first 200 problems of each kind.
  failed_files: Array.from({ length: Math.min(failed, 200) }, (_, i) => ({ path: `/x/bad${i}.jpg`, reason: 'truncated JPEG' })),
  first_ingested: 1,
  seconds: 0.1,
  bytes: 1000,
  cancelled: false,
  version_offers: [],
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('import summary', () => {
  it('hides itself after a while when nothing failed', async () => {
    const ondismiss = vi.fn();
    render(ImportSummary, { context: apiContext(createFakeApi({ count: 3 })), props: { report: report(0), ondismiss, hideAfter: 40 } });
    await wait(10);
    expect(ondismiss).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(ondismiss).toHaveBeenCalledTimes(1));
  });

  it('stays while the pointer is on it or its skipped list is open', async () => {
    const ondismiss = vi.fn();
    render(ImportSummary, { context: apiContext(createFakeApi({ count: 3 })), props: { report: report(0), ondismiss, hideAfter: 40 } });
    const panel = screen.getByTestId('import-summary');
    await fireEvent.mouseEnter(panel);
    await wait(80);
    expect(ondismiss).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: /skipped/ }));
    await fireEvent.mouseLeave(panel);
    await wait(80);
    expect(ondismiss).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: /skipped/ }));
    await vi.waitFor(() => expect(ondismiss).toHaveBeenCalledTimes(1));
  });

  it('stays until closed when something failed', async () => {
    const ondismiss = vi.fn();
    render(ImportSummary, { context: apiContext(createFakeApi({ count: 3 })), props: { report: report(2), ondismiss, hideAfter: 40 } });
    await wait(100);
    expect(ondismiss).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the import summary' }));
    expect(ondismiss).toHaveBeenCalledTimes(1);
  });

  it('lists the first failures the event carries and counts the rest', async () => {
    render(ImportSummary, { context: apiContext(createFakeApi({ count: 3 })), props: { report: report(1_250), ondismiss: () => {} } });
    const list = screen.getByTestId('import-failed');
    expect(list.querySelectorAll('.path')).toHaveLength(200);
    expect(screen.getByTestId('import-more').textContent).toBe('…and 1,050 more');
    expect(screen.getByText('1,250').closest('li')?.textContent).toBe('1,250 failed');
  });

  it('offers files named like versions and makes one a version when asked', async () => {
    const api = createFakeApi({ count: 0, importStep: 1 });
    const summary = new Promise<IngestSummary>((done) => void api.onIngestFinished(done));
    await api.importPaths(['/shoot/poster.jpg', '/shoot/poster_v2.jpg', '/shoot/beach.jpg']);
    const got = await summary;
    expect(got.version_offers.map((o) => [o.path, o.of_name])).toEqual([['/shoot/poster_v2.jpg', 'poster.jpg']]);
    const ondismiss = vi.fn();
    render(ImportSummary, { context: apiContext(api), props: { report: got, ondismiss, hideAfter: 40 } });
    await wait(100);
    expect(ondismiss, 'an offer waits for the user').not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('import-offer-stack'));
    await vi.waitFor(() => expect(screen.getByTestId('import-offer-done').textContent).toBe('now version 2 of poster.jpg'));
    const poster = got.version_offers[0]!.of;
    expect((await api.versions(poster)).map((v) => v.file.original_name)).toEqual(['poster.jpg', 'poster_v2.jpg']);
    await expect(api.assetDetail(got.version_offers[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
