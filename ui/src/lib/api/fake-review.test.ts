import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake';

describe('the fake review behaves like the core', () => {
  it('submits to the default template, queues, and the worst decision moves the asset', async () => {
    const api = createFakeApi({ count: 3 });
    const [template] = await api.reviewTemplates();
    expect(template?.name, 'a library ships the Default template').toBe('Default');
    await api.submitReview({ ids: [2, 1], collection: null, template: null, due: '2999-01-01', message: 'web' });
    expect((await api.assetStatus(1)).state, 'a submitted asset is in review').toBe('in_review');
    const queue = await api.reviewQueue(50);
    expect(queue.items.map((i) => i.asset), 'my queue holds both').toEqual([1, 2]);
    await expect(api.decideReview(1, 'request_changes', ' '), 'request changes needs a comment').rejects.toMatchObject({ field: 'comment' });
    const decided = await api.decideReview(1, 'request_changes', 'crop tighter');
    expect(decided.status, 'the asset moves with the outcome').toBe('changes_requested');
    expect((await api.reviewQueue(50)).total, 'a decided review leaves the queue').toBe(1);
    expect((await api.comments(1)).map((c) => c.body), 'the comment is kept in the thread').toEqual(['crop tighter']);
    await api.decideReview(2, 'approve_with_changes', null);
    expect((await api.assetStatus(2)).state).toBe('approved');
    const kinds = (await api.notifications()).map((n) => n.kind);
    expect(kinds, 'decisions on my submissions are notifications').toContain('decided');
  });

  it('refuses a due date in the past and pins outside the picture; finds mentions', async () => {
    const api = createFakeApi({ count: 2 });
    await expect(api.submitReview({ ids: [1], collection: null, template: null, due: '2000-01-01', message: null })).rejects.toMatchObject({ field: 'due' });
    await expect(api.addComment(1, 'x', { kind: 'rect', x: 0.5, y: 0.5, w: 0.6, h: 0.1 }, null)).rejects.toMatchObject({ code: 'invalid_input' });
    const c = await api.addComment(1, 'ask @ann, not a@b.c', { kind: 'point', x: 0.2, y: 0.3 }, null);
    expect(c.mentions).toEqual(['ann']);
    const r = await api.resolveComment(c.id);
    expect(r.resolved_by, 'resolving records who').toBe('me');
  });
});
