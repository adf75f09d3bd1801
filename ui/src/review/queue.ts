// My review queue as the pane lists it: soonest due first, undated last, then oldest review first (the core's order,
// kept here too so a merged or patched list stays in it).

import type { Notification, QueueItem } from '../lib/api/types';

export function byDue(items: QueueItem[]): QueueItem[] {
  return [...items].sort((a, b) => (a.due_at ?? Infinity) - (b.due_at ?? Infinity) || a.review - b.review);
}

/** How a due time reads in the list: overdue, due today, or the date. */
export function dueLabel(dueAt: number | null, now: number): string {
  if (dueAt === null) return 'No due date';
  if (dueAt < now) return 'Overdue';
  if (dueAt - now < 86_400) return 'Due within a day';
  return `Due ${new Date(dueAt * 1000).toISOString().slice(0, 10)}`;
}

export const NOTIFICATION_GROUPS: { kind: string; label: string }[] = [
  { kind: 'overdue', label: 'Overdue' },
  { kind: 'due_soon', label: 'Due soon' },
  { kind: 'waiting', label: 'Waiting for you' },
  { kind: 'decided', label: 'Decisions on your submissions' },
];

/** The bell's count: what needs me (waiting, due soon, overdue) plus decisions on my submissions. */
export function notificationCount(list: Notification[]): number {
  return list.length;
}

/** The list grouped as the bell shows it (known kinds in order, then any other). */
export function groupNotifications(list: Notification[]): { kind: string; label: string; items: Notification[] }[] {
  const known = NOTIFICATION_GROUPS.map((g) => ({ ...g, items: list.filter((n) => n.kind === g.kind) }));
  const other = list.filter((n) => !NOTIFICATION_GROUPS.some((g) => g.kind === n.kind));
  return [...known, { kind: 'other', label: 'Other', items: other }].filter((g) => g.items.length > 0);
}

/** A comment body cut into text and @mentions (highlighted in the thread). */
export function mentionParts(body: string): { text: string; mention: boolean }[] {
  const parts: { text: string; mention: boolean }[] = [];
  const re = /(^|[^\p{L}\p{N}])(@[\p{L}\p{N}._-]*[\p{L}\p{N}_])/gu;
  let last = 0;
  for (const m of body.matchAll(re)) {
    const start = m.index + m[1]!.length;
    if (start > last) parts.push({ text: body.slice(last, start), mention: false });
    parts.push({ text: m[2]!, mention: true });
    last = start + m[2]!.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), mention: false });
  return parts;
}
