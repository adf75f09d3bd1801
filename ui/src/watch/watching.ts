// Plain logic of the watched-folders panel: what state to show for a folder, the rules form, the feed's lines.

import type { WatchEvent, WatchEventKind, WatchRule, WatchedFolder, WatcherHost } from '../lib/api/types';

/** What the UI shows for a folder (a dot colour and a label). */
export type FolderDisplayState = 'watching' | 'scanning' | 'polling' | 'paused' | 'unavailable' | 'error' | 'starting';

export function folderState(folder: WatchedFolder, host: WatcherHost): FolderDisplayState {
  if (folder.state === 'paused') return 'paused';
  if (folder.status) return folder.status;
  if (host.kind === 'stopped') return 'error';
  return 'starting';
}

export const STATE_LABELS: Record<FolderDisplayState, string> = {
  watching: 'Watching',
  scanning: 'Scanning',
  polling: 'Polling',
  paused: 'Paused',
  unavailable: 'Unavailable',
  error: 'Not watched',
  starting: 'Starting…',
};

/** A one-line explanation of the state, for a tooltip or the row. */
export function stateDetail(folder: WatchedFolder, host: WatcherHost): string | null {
  const state = folderState(folder, host);
  if (state === 'error' && host.kind === 'stopped') return host.reason;
  if (state === 'paused') return 'Files that arrive meanwhile are taken in on resume.';
  return folder.status_detail;
}

/** What the panel says about who watches, or null when this app does and all is well. */
export function hostNotice(host: WatcherHost): { kind: 'info' | 'error'; text: string } | null {
  switch (host.kind) {
    case 'elsewhere':
      return {
        kind: 'info',
        text: 'Another Tessera process is watching this library (for example “tessera watch run” on a server). The folders show what it records; this window takes over when it stops.',
      };
    case 'stopped':
      return { kind: 'error', text: `The watcher is not running: ${host.reason}. Tessera tries again every few seconds.` };
    default:
      return null;
  }
}

/** The last part of a path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** The rules as the form edits them: text fields, tags as one comma-separated line. */
export interface RuleForm {
  after: WatchRule['after'];
  tags: string;
  credit: string;
  creator: string;
  rights: string;
  campaign: string;
  uploader: string;
}

export function formFromRule(rule: WatchRule | null): RuleForm {
  return {
    after: rule?.after ?? 'leave',
    tags: rule?.tags.join(', ') ?? '',
    credit: rule?.credit ?? '',
    creator: rule?.creator ?? '',
    rights: rule?.rights ?? '',
    campaign: rule?.campaign ?? '',
    uploader: rule?.uploader ?? '',
  };
}

/** "summer, Beach ,, summer" → ["summer", "Beach"] (trimmed, empty dropped, first spelling of a repeat kept). */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}

/** The rule a form stands for; `base` keeps what the form does not edit (the collection). */
export function ruleFromForm(form: RuleForm, base: WatchRule | null = null): WatchRule {
  const text = (v: string) => v.trim() || null;
  return {
    after: form.after,
    tags: parseTags(form.tags),
    credit: text(form.credit),
    creator: text(form.creator),
    rights: text(form.rights),
    campaign: text(form.campaign),
    uploader: text(form.uploader),
    collection: base?.collection ?? null,
  };
}

/** A short summary of a folder's rules: "then move · tags summer, beach · credit Ana". */
export function ruleSummary(rule: WatchRule): string {
  const parts: string[] = [];
  parts.push(rule.after === 'leave' ? 'leave files' : rule.after === 'move' ? 'move to .ingested' : 'delete after ingest');
  if (rule.tags.length) parts.push(`tags ${rule.tags.join(', ')}`);
  for (const [label, value] of [
    ['credit', rule.credit],
    ['creator', rule.creator],
    ['rights', rule.rights],
    ['campaign', rule.campaign],
    ['uploader', rule.uploader],
    ['collection', rule.collection],
  ] as const) {
    if (value) parts.push(`${label} ${value}`);
  }
  return parts.join(' · ');
}

export const KIND_LABELS: Record<WatchEventKind, string> = {
  ingested: 'Added',
  duplicate: 'Already in library',
  failed: 'Failed',
  skipped: 'Skipped',
  rule: 'Rule',
  warning: 'Warning',
  error: 'Error',
};

/** The feed's line for an event: the file's name (or the folder's), and what happened. */
export function eventTitle(e: WatchEvent, folders: WatchedFolder[]): string {
  if (e.path) return baseName(e.path);
  const folder = folders.find((f) => f.id === e.folder_id);
  return folder ? baseName(folder.path) : `folder ${e.folder_id}`;
}

/** Adds events (any order) to a newest-first feed, without duplicates, keeping at most `cap`. */
export function mergeEvents(feed: WatchEvent[], incoming: WatchEvent[], cap = 200): WatchEvent[] {
  const seen = new Set<number>();
  const out: WatchEvent[] = [];
  for (const e of [...incoming, ...feed]) {
    // Events the feed could not store have id 0: keep them all.
    if (e.id !== 0 && seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  out.sort((a, b) => (a.id === 0 || b.id === 0 ? b.at - a.at : b.id - a.id));
  return out.slice(0, cap);
}

/** "just now", "5 min ago", "3 h ago", else the date. */
export function ago(seconds: number, now: number = Date.now() / 1000): string {
  const d = Math.max(0, Math.floor(now - seconds));
  if (d < 45) return 'just now';
  if (d < 3600) return `${Math.round(d / 60)} min ago`;
  if (d < 86_400) return `${Math.round(d / 3600)} h ago`;
  return new Date(seconds * 1000).toLocaleDateString(undefined, { dateStyle: 'medium' });
}
