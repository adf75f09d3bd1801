import { describe, expect, it } from 'vitest';
import { DECISIONS, reviewKey, step } from './keys';
import { byDue, dueLabel, groupNotifications, mentionParts, notificationCount } from './queue';
import type { Notification, QueueItem } from '../lib/api/types';

const k = (key: string, mods: Partial<KeyboardEvent> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('review keys', () => {
  it('J/K move, 1-4 decide in order, + - 0 zoom; nothing while typing or with Ctrl', () => {
    expect(reviewKey(k('j'), false)).toEqual({ kind: 'move', by: 1 });
    expect(reviewKey(k('K'), false)).toEqual({ kind: 'move', by: -1 });
    expect(['1', '2', '3', '4'].map((n) => reviewKey(k(n), false))).toEqual(DECISIONS.map((d) => ({ kind: 'decide', decision: d.decision })));
    expect(DECISIONS.map((d) => d.decision)).toEqual(['approve', 'approve_with_changes', 'request_changes', 'reject']);
    expect(reviewKey(k('+'), false)).toEqual({ kind: 'zoom', to: 'in' });
    expect(reviewKey(k('-'), false)).toEqual({ kind: 'zoom', to: 'out' });
    expect(reviewKey(k('0'), false)).toEqual({ kind: 'zoom', to: 'reset' });
    expect(reviewKey(k('1'), true), 'a 1 typed into the comment box is text').toBeNull();
    expect(reviewKey(k('j', { ctrlKey: true }), false)).toBeNull();
    expect(reviewKey(k('x'), false)).toBeNull();
    expect(DECISIONS.filter((d) => d.needsComment).map((d) => d.key), 'request changes and reject need a comment').toEqual(['3', '4']);
  });

  it('steps through the queue and stops at its ends', () => {
    expect(step(0, 1, 3)).toBe(1);
    expect(step(2, 1, 3), 'the last stays the last').toBe(2);
    expect(step(0, -1, 3)).toBe(0);
    expect(step(0, 1, 0), 'an empty queue has no position').toBe(-1);
  });
});

describe('queue and notifications', () => {
  const item = (review: number, due_at: number | null): QueueItem => ({
    review, asset: review, name: `a${review}.jpg`, hash: 'h', stage: 'Approval', submitted_by: 'me', submitted_at: 0, message: null, due_at,
  });
  it('orders by due date, undated last, ties by review', () => {
    expect(byDue([item(1, null), item(2, 300), item(3, 100), item(4, 300)]).map((i) => i.review)).toEqual([3, 2, 4, 1]);
    expect(dueLabel(50, 100)).toBe('Overdue');
    expect(dueLabel(200, 100)).toBe('Due within a day');
    expect(dueLabel(null, 100)).toBe('No due date');
    expect(dueLabel(86_400 * 365, 0)).toBe('Due 1971-01-01');
  });

  it('counts and groups notifications', () => {
    const n = (kind: string): Notification => ({ kind, asset: 1, review: 1, text: kind, at: 0 });
    const list = [n('waiting'), n('decided'), n('overdue'), n('waiting')];
    expect(notificationCount(list)).toBe(4);
    expect(groupNotifications(list).map((g) => [g.kind, g.items.length])).toEqual([['overdue', 1], ['waiting', 2], ['decided', 1]]);
    expect(notificationCount([]), 'nothing to say: no badge').toBe(0);
  });

  it('cuts @mentions out of a comment like the core finds them', () => {
    expect(mentionParts('ask @ann and @bo.b, not a@b.c')).toEqual([
      { text: 'ask ', mention: false }, { text: '@ann', mention: true }, { text: ' and ', mention: false },
      { text: '@bo.b', mention: true }, { text: ', not a@b.c', mention: false },
    ]);
    expect(mentionParts('@ann')).toEqual([{ text: '@ann', mention: true }]);
  });
});
