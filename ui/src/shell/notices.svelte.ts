// Notices (toasts): errors and results a person can act on, dismissable.

import { getContext, setContext } from 'svelte';
import { describeError } from '../lib/errors';

export type NoticeKind = 'error' | 'info' | 'success';

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  kind: NoticeKind;
  title: string;
  message?: string;
  /** What to do about it. */
  hint?: string;
  action?: NoticeAction;
  /** Milliseconds until it goes by itself; errors stay until dismissed. */
  timeout?: number;
  /** How far the work it reports has got, 0 to 1 (a bar under the title); absent for notices that are not work. */
  progress?: number;
}

export class Notices {
  list = $state<Notice[]>([]);
  #next = 1;

  push(n: Omit<Notice, 'id'>): number {
    const id = this.#next++;
    // The same failure repeated (e.g. every page of a scroll) is shown once.
    const same = this.list.find((o) => o.kind === n.kind && o.title === n.title && o.message === n.message);
    if (same) return same.id;
    this.list = [...this.list.slice(-4), { ...n, id }];
    if (n.timeout) setTimeout(() => this.dismiss(id), n.timeout);
    return id;
  }

  /** Reports a failure of `doing` ("Could not save the title"). */
  error(doing: string, e: unknown, action?: NoticeAction): number {
    const d = describeError(e);
    return this.push({ kind: d.code === 'cancelled' ? 'info' : 'error', title: doing, message: d.message, hint: d.hint, action });
  }

  info(title: string, message?: string): number {
    return this.push({ kind: 'info', title, message, timeout: 5000 });
  }

  /** Changes a notice still shown (e.g. its progress); a dismissed one stays gone. */
  update(id: number, patch: Partial<Omit<Notice, 'id'>>): void {
    if (!this.list.some((n) => n.id === id)) return;
    this.list = this.list.map((n) => (n.id === id ? { ...n, ...patch } : n));
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}

const KEY = Symbol('tessera.notices');

export function setNotices(n: Notices): void {
  setContext(KEY, n);
}

/** The app's notices, or a detached instance when a component is mounted alone (tests). */
export function getNotices(): Notices {
  return getContext<Notices | undefined>(KEY) ?? new Notices();
}

/** A context entry holding `n` (tests mount a component with it). */
export function noticesContext(n: Notices): [unknown, unknown] {
  return [KEY, n];
}
