// Completions for the search bar: the token under the caret completed to a filter key (`lic` → `licence:`) or, after
// `key:`, to what the library knows for it (labels, tag paths, a choice field's vocabulary…). Pure: the bar shows them.
import type { AssetKind, Collection, CustomField, TagCount } from '../lib/api/types';
import { tokenize } from './chips';

/** The core's filter keys (`fake-query.ts` KEYS mirrors them). */
export const KEYS = ['tag', 'type', 'ext', 'uploader', 'creator', 'credit', 'campaign', 'width', 'height', 'orientation',
  'rating', 'taken', 'added', 'is', 'licence', 'label', 'flag', 'missing', 'expires', 'rights', 'collection', 'smart'];
const LABELS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'];
const FLAGS = ['pick', 'reject'];
const KINDS: AssetKind[] = ['image', 'video', 'audio', 'document', 'font', 'other'];
const BUILT_IN = ['title', 'description', 'caption', 'creator', 'credit', 'copyright', 'licence', 'usage_terms',
  'expires', 'campaign', 'label', 'flag', 'rating'];
const MISSING = ['alt', 'required', ...BUILT_IN];
const ORIENTATIONS = ['landscape', 'portrait', 'square'];
export const LIMIT = 8;

/** What the library knows, read by the app when the library changes. */
export interface Vocabulary {
  fields: CustomField[];
  /** Tag paths, e.g. `Brand/Product`. */
  tags: string[];
  /** Collection paths (manual and smart). */
  collections: string[];
  /** Smart collections' names. */
  smart: string[];
}

export const emptyVocabulary: Vocabulary = { fields: [], tags: [], collections: [], smart: [] };

/** The vocabulary from what the commands return: `collections` is a tree (each with its `children`). */
export function vocabularyOf(fields: CustomField[], tags: TagCount[], tree: Collection[]): Vocabulary {
  const collections: string[] = [];
  const smart: string[] = [];
  const walk = (cs: Collection[]) => {
    for (const c of cs) {
      collections.push(c.path);
      if (c.kind === 'smart') smart.push(c.name);
      walk(c.children);
    }
  };
  walk(tree);
  return { fields, tags: tags.map((t) => t.name), collections, smart };
}

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** The token it writes, e.g. `label:red` or `tag:"Summer 2024"`. */
  text: string;
  /** A value (a space follows it) rather than a key (`label:`, more to type). */
  complete: boolean;
}

export interface Completion {
  /** The token's offsets in the query: [start, end). */
  start: number;
  end: number;
  suggestions: Suggestion[];
}

function quote(v: string): string {
  return /[\s"]/.test(v) ? `"${v.replace(/"/g, '')}"` : v;
}

function values(key: string, vocab: Vocabulary): string[] | undefined {
  switch (key) {
    case 'label':
      return LABELS;
    case 'flag':
      return FLAGS;
    case 'type':
      return KINDS;
    case 'missing':
      return MISSING;
    case 'is':
      return ['untagged'];
    case 'orientation':
      return ORIENTATIONS;
    case 'tag':
      return vocab.tags;
    case 'collection':
      return vocab.collections;
    case 'smart':
      return vocab.smart;
  }
  const field = vocab.fields.find((f) => f.name.toLowerCase() === key);
  if (field && (field.type === 'choice' || field.type === 'choices')) {
    return field.choices.filter((c) => !c.retired).map((c) => c.value);
  }
  if (field?.type === 'bool') return ['true', 'false'];
  return undefined;
}

/** A path matches from its start or from any of its parts (`sne` finds `Brand/Product/Sneaker`). */
function matches(value: string, prefix: string): boolean {
  const v = value.toLowerCase();
  return v.startsWith(prefix) || v.split('/').some((part) => part.startsWith(prefix));
}

/** Completions for the token under the caret, or null when there is none to complete. */
export function suggest(query: string, caret: number, vocab: Vocabulary): Completion | null {
  const token = tokenize(query).find((t) => t.start <= caret && caret <= t.end);
  if (!token) return null;
  const typed = query.slice(token.start, caret);
  const neg = typed.startsWith('-') ? '-' : '';
  const body = typed.slice(neg.length);
  const at = body.indexOf(':');
  let suggestions: Suggestion[];
  if (at < 0) {
    const prefix = body.toLowerCase();
    if (!/^[\p{L}\p{N}_-]+$/u.test(prefix)) return null;
    const names = [...KEYS, ...vocab.fields.map((f) => f.name).filter((n) => !/[\s:"]/.test(n))];
    suggestions = [...new Set(names)]
      .filter((k) => k.toLowerCase().startsWith(prefix))
      .map((k) => ({ label: `${k}:`, text: `${neg}${k}:`, complete: false }));
  } else {
    const key = body.slice(0, at).toLowerCase();
    const vs = values(key, vocab);
    if (!vs) return null;
    const prefix = body.slice(at + 1).replace(/^"/, '').replace(/"$/, '').toLowerCase();
    const keyText = body.slice(0, at);
    suggestions = vs
      .filter((v) => matches(v, prefix))
      .map((v) => ({ label: v, text: `${neg}${keyText}:${quote(v)}`, complete: true }));
  }
  // What is already written in full offers nothing.
  const whole = query.slice(token.start, token.end);
  suggestions = suggestions.filter((s) => s.text !== whole || !s.complete).slice(0, LIMIT);
  return suggestions.length ? { start: token.start, end: token.end, suggestions } : null;
}

/** The query with the token replaced by the suggestion, and the caret after it (and after the space a value gets). */
export function accept(query: string, completion: Completion, s: Suggestion): { query: string; caret: number } {
  const before = query.slice(0, completion.start) + s.text;
  let after = query.slice(completion.end);
  if (!s.complete) return { query: before + after, caret: before.length };
  if (!/^\s/.test(after)) after = ' ' + after;
  return { query: before + after, caret: before.length + 1 };
}
