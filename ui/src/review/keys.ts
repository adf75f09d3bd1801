// The review pane's keys: J/K next and previous in the queue, 1-4 decide, + / - / 0 zoom. Plain data, so the
// buttons show the same keys the handler reads.

import type { Decision } from '../lib/api/types';

export const DECISIONS: { decision: Decision; key: string; label: string; needsComment: boolean }[] = [
  { decision: 'approve', key: '1', label: 'Approve', needsComment: false },
  { decision: 'approve_with_changes', key: '2', label: 'Approve with changes', needsComment: false },
  { decision: 'request_changes', key: '3', label: 'Request changes', needsComment: true },
  { decision: 'reject', key: '4', label: 'Reject', needsComment: true },
];

export type ReviewKey =
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'decide'; decision: Decision }
  | { kind: 'zoom'; to: 'in' | 'out' | 'reset' };

/** What a key press means in the pane; null for other keys and for keys typed into a field or with Ctrl/Alt/Meta. */
export function reviewKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, typing: boolean): ReviewKey | null {
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'j') return { kind: 'move', by: 1 };
  if (k === 'k') return { kind: 'move', by: -1 };
  const d = DECISIONS.find((x) => x.key === k);
  if (d) return { kind: 'decide', decision: d.decision };
  if (k === '+' || k === '=') return { kind: 'zoom', to: 'in' };
  if (k === '-' || k === '_') return { kind: 'zoom', to: 'out' };
  if (k === '0') return { kind: 'zoom', to: 'reset' };
  return null;
}

/** The next index in a list of `length` after moving `by` (stays at the ends). */
export function step(index: number, by: number, length: number): number {
  if (length === 0) return -1;
  return Math.min(Math.max(index + by, 0), length - 1);
}
