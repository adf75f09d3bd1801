// The review pane on the fake (which reviews as the core does): queue order, empty state, keys, the required
// comment, pins from clicks and Shift+drags, compare in step.

import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import ReviewPane from './ReviewPane.svelte';

type Api = ReturnType<typeof createFakeApi>;
const submit = (api: Api, ids: number[], due: string | null) => api.submitReview({ ids, collection: null, template: null, due, message: 'web crop' });
const pane = (api: Api, props: Record<string, unknown> = {}) =>
  render(ReviewPane, { props: { onclose: vi.fn(), ...props }, context: apiContext(api) });
const queueAssets = () => screen.queryAllByTestId('review-queue-item').map((b) => Number(b.dataset.asset));
const activeAsset = () => Number(screen.getAllByTestId('review-queue-item').find((b) => b.classList.contains('active'))?.dataset.asset);
const key = (k: string, opts: KeyboardEventInit = {}) => fireEvent.keyDown(window, { key: k, ...opts });

/** An image asset of the fake (versions are refused across kinds). */
async function anImage(api: Api): Promise<number> {
  for (let id = 1; ; id++) if ((await api.assetDetail(id)).type === 'image') return id;
}

describe('review pane', () => {
  it('says so when nothing waits', async () => {
    pane(createFakeApi({ count: 3 }));
    expect((await screen.findByTestId('review-empty')).textContent).toBe('Nothing waits for your review');
  });

  it('lists my queue soonest due first and moves with J/K', async () => {
    const api = createFakeApi({ count: 5 });
    await submit(api, [1], '2999-03-01');
    await submit(api, [2], null);
    await submit(api, [3], '2999-01-01');
    pane(api);
    await waitFor(() => expect(queueAssets(), 'due soonest first, undated last').toEqual([3, 1, 2]));
    await waitFor(() => expect(activeAsset(), 'the first is shown').toBe(3));
    await key('j');
    expect(activeAsset()).toBe(1);
    await key('J');
    await key('j');
    expect(activeAsset(), 'J stops at the last').toBe(2);
    await key('k');
    expect(activeAsset()).toBe(1);
  });

  it('needs a comment to request changes (the core says so), decides with keys, and moves on', async () => {
    const api = createFakeApi({ count: 4 });
    await submit(api, [1, 2], '2999-01-01');
    const onchanged = vi.fn();
    pane(api, { onchanged });
    await waitFor(() => expect(queueAssets()).toEqual([1, 2]));
    const request = screen.getAllByTestId('review-decision').find((b) => b.dataset.decision === 'request_changes')!;
    expect(request.textContent, 'the button says a comment is needed').toContain('comment required');
    expect(request.textContent, 'and shows its key').toContain('3');
    await key('3');
    expect((await screen.findByTestId('review-decision-error')).textContent, "the core's refusal in words").toContain(
      'requesting changes needs a comment',
    );
    expect((await api.reviewQueue(10)).total, 'nothing was decided').toBe(2);
    await fireEvent.input(screen.getByTestId('review-decision-comment'), { target: { value: 'crop tighter' } });
    await key('3');
    await waitFor(() => expect(queueAssets(), 'the decided one leaves the queue').toEqual([2]));
    expect((await api.assetStatus(1)).state).toBe('changes_requested');
    await waitFor(() => expect(activeAsset(), 'the next one takes its place').toBe(2));
    await key('1');
    await waitFor(() => expect(screen.getByTestId('review-empty')).toBeTruthy());
    expect((await api.assetStatus(2)).state).toBe('approved');
    expect(onchanged).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getAllByTestId('review-decision-history').map((d) => d.textContent)).toEqual([expect.stringContaining('approve')]));
  });

  it('typing 1-4 into the comment box does not decide', async () => {
    const api = createFakeApi({ count: 2 });
    await submit(api, [1], null);
    pane(api);
    const box = await screen.findByTestId('review-decision-comment');
    await fireEvent.keyDown(box, { key: '1' });
    expect((await api.reviewQueue(10)).total).toBe(1);
  });

  it('pins a point with a click and a rectangle with Shift+drag, in 0..1, and threads replies with mentions', async () => {
    const api = createFakeApi({ count: 2 });
    await submit(api, [1], null);
    pane(api);
    const stage = await screen.findByTestId('review-stage');
    // jsdom lays nothing out: the frame is 0x0, so the fitted picture is 1x1 px centred on its top-left corner.
    await fireEvent.mouseDown(stage, { button: 0, clientX: 0, clientY: 0 });
    await fireEvent.mouseUp(window, { clientX: 0, clientY: 0 });
    expect(await screen.findByTestId('review-comment-pinned')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('review-comment-input'), { target: { value: 'logo too close, ask @ann' } });
    await fireEvent.click(screen.getByTestId('review-comment-add'));
    await waitFor(() => expect(screen.getAllByTestId('review-pin')).toHaveLength(1));
    let [c] = await api.comments(1);
    expect([c!.x, c!.y, c!.w], 'the click is the picture centre, a point').toEqual([0.5, 0.5, null]);
    expect(screen.getByTestId('review-mention').textContent).toBe('@ann');

    await fireEvent.mouseDown(stage, { button: 0, clientX: -0.5, clientY: -0.5, shiftKey: true });
    await fireEvent.mouseMove(window, { clientX: 0, clientY: 0 });
    await fireEvent.mouseUp(window, { clientX: 0, clientY: 0 });
    await fireEvent.input(screen.getByTestId('review-comment-input'), { target: { value: 'this corner' } });
    await fireEvent.click(screen.getByTestId('review-comment-add'));
    await waitFor(() => expect(screen.getAllByTestId('review-pin')).toHaveLength(2));
    c = (await api.comments(1))[1];
    expect([c!.x, c!.y, c!.w, c!.h], 'the top-left quarter').toEqual([0, 0, 0.5, 0.5]);

    await fireEvent.input(screen.getAllByTestId('review-reply-input')[0]!, { target: { value: 'moved it' } });
    await fireEvent.keyDown(screen.getAllByTestId('review-reply-input')[0]!, { key: 'Enter' });
    await waitFor(() => expect(screen.getAllByTestId('review-reply').map((r) => r.textContent)).toEqual([expect.stringContaining('moved it')]));
    await fireEvent.click(screen.getAllByTestId('review-resolve')[0]!);
    await waitFor(() => expect(screen.getByTestId('review-resolved').textContent).toContain('me'));
  });

  it('zooms with + / - / 0 and the wheel', async () => {
    const api = createFakeApi({ count: 2 });
    await submit(api, [1], null);
    pane(api);
    const stage = await screen.findByTestId('review-stage');
    await waitFor(() => expect(stage.dataset.zoom).toBe('1.000'));
    await key('+');
    expect(stage.dataset.zoom).toBe('1.500');
    await key('-');
    expect(stage.dataset.zoom).toBe('1.000');
    stage.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true, cancelable: true }));
    await waitFor(() => expect(stage.dataset.zoom).toBe('1.200'));
    await key('0');
    expect(Number(stage.dataset.zoom), '0: 1:1 (the original is far larger than the 1x1 px jsdom fit)').toBeGreaterThan(100);
    expect(stage.dataset.full, 'past the preview: the full resolution is asked for').toBe('true');
    await key('0');
    expect(stage.dataset.zoom, 'again: back to the fit').toBe('1.000');
  });

  it('compares two versions with zoom in step, a slider and a difference view', async () => {
    const api = createFakeApi({ count: 6 });
    const id = await anImage(api);
    await api.addVersion(id, '/home/me/poster_v2.jpg');
    await submit(api, [id], null);
    pane(api);
    await fireEvent.click(await screen.findByTestId('review-compare'));
    const [a, b] = [await screen.findByTestId('review-stage-a'), screen.getByTestId('review-stage-b')];
    expect((screen.getByTestId('review-compare-a') as HTMLSelectElement).value, 'A is the version before').toBe('1');
    expect((screen.getByTestId('review-compare-b') as HTMLSelectElement).value, 'B the current one').toBe('2');
    await key('+');
    await waitFor(() => expect([a.dataset.zoom, b.dataset.zoom], 'both sides zoom together').toEqual(['1.500', '1.500']));
    await fireEvent.click(screen.getAllByTestId('review-compare-mode').find((m) => m.dataset.mode === 'wipe')!);
    expect(screen.getByTestId('review-wipe')).toBeTruthy();
    await fireEvent.click(screen.getAllByTestId('review-compare-mode').find((m) => m.dataset.mode === 'diff')!);
    expect(await screen.findByTestId('review-diff')).toBeTruthy();
  });
});
