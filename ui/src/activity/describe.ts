// An audit event in words, for the Activity view: what happened, to how many assets.

import type { AuditEvent } from '../lib/api/types';
import { STATUS_LABELS } from '../lib/status';
import type { Status } from '../lib/api/types';

interface Change {
  asset?: number;
  field?: string;
  before?: unknown;
  after?: unknown;
}

const count = (n: number) => `${n.toLocaleString('en')} asset${n === 1 ? '' : 's'}`;
const state = (s: unknown) => (typeof s === 'string' && s in STATUS_LABELS ? STATUS_LABELS[s as Status].toLowerCase() : String(s));

/** "Edit: rating 5 on 2 assets", "Moved 3 assets: draft → in review", "Imported 12 assets". */
export function describeEvent(e: AuditEvent): string {
  const d = e.detail as { summary?: string; changes?: Change[]; count?: number; reason?: string; refused?: string };
  const changes = Array.isArray(d.changes) ? d.changes : [];
  const n = e.assets.length;
  switch (e.action) {
    case 'ingest':
      return `Imported ${count(typeof d.count === 'number' ? d.count : n)}`;
    case 'transition': {
      const moves = new Set(changes.map((c) => `${state(c.before)} → ${state(c.after)}`));
      return `Moved ${count(n)}: ${[...moves].join(', ')}`;
    }
    case 'override':
      return `Override: ${d.reason ?? ''}${d.refused ? ` (${d.refused})` : ''}`;
    case 'undo':
      return `Undid ${d.summary ? `“${d.summary.replace(/^undo /, '')}”` : 'an edit'} on ${count(n)}`;
    case 'edit': {
      const version = changes.find((c) => c.field === 'version');
      if (version) return `Version ${String(version.after)} made current (was ${String(version.before)})`;
      return `${d.summary ? d.summary[0]!.toUpperCase() + d.summary.slice(1) : 'Edit'} on ${count(n)}`;
    }
    default:
      return `${e.action[0]?.toUpperCase() ?? ''}${e.action.slice(1)}${n ? ` on ${count(n)}` : ''}${d.summary ? `: ${d.summary}` : ''}`;
  }
}
