// The fake's libraries on a pretend disk, and the recent list, as the core's `app::libraries` keeps them: most recent
// first, at most 12, one entry per path, a library whose folder is gone listed as missing; opening a folder that holds
// no library is `not_a_library`; creating PARENT/NAME.tessera refuses a bad name or a taken folder (field `name`) and
// a parent that is not a folder (field `parent`), with the core's messages.

import { apiError } from './fake-data';
import type { RecentLibrary } from './types';

/** Entries kept (the core's `MAX_RECENT`). */
export const MAX_RECENT = 12;
const MAX_NAME = 100;
const FORBIDDEN = /[/\\:*?"<>|\p{Cc}]/u;

/** What the core's `Library::name_of` says: the folder's name without `.tessera`. */
export function libraryName(path: string): string {
  const file = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return file.endsWith('.tessera') ? file.slice(0, -'.tessera'.length) : file;
}

function parentOf(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The core's name rules (`app::libraries::create`); returns the name to use. */
export function validLibraryName(raw: string): string {
  const trimmed = raw.trim();
  const name = (trimmed.endsWith('.tessera') ? trimmed.slice(0, -'.tessera'.length) : trimmed).trimEnd();
  const refuse = (reason: string) => apiError('invalid_input', `invalid library name ${JSON.stringify(raw)}: ${reason}`, 'name');
  if (name === '') throw refuse('a library needs a name');
  if ([...name].length > MAX_NAME) throw refuse('names are at most 100 characters');
  if (name.startsWith('.')) throw refuse('a name cannot start with a dot (the folder would be hidden)');
  if (FORBIDDEN.test(name)) throw refuse('a name cannot contain / \\ : * ? " < > | or control characters');
  if (name.endsWith('.')) throw refuse('a name cannot end with a dot');
  return name;
}

/** The pretend disk: which folders exist and which of them are libraries, with the state `T` of each. */
export class FakeLibraries<T> {
  #libraries = new Map<string, T | null>();
  #folders = new Set<string>();
  #recent: { path: string; last_opened: number }[] = [];

  /** `folders` exist (places to create libraries in); the open library is a library too. */
  constructor(open: string, folders: string[] = []) {
    for (const f of folders) this.#addFolder(f);
    this.#libraries.set(open, null);
    this.#addFolder(parentOf(open));
  }

  #addFolder(path: string): void {
    for (let p = path; p !== '/' && !this.#folders.has(p); p = parentOf(p)) this.#folders.add(p);
  }

  /** A library on the disk (its state is made when first opened, unless given). */
  addLibrary(path: string, state: T | null = null): void {
    this.#libraries.set(path, state);
    this.#addFolder(parentOf(path));
  }

  /** Its folder is gone (an unplugged drive): still in the recent list, as missing. */
  remove(path: string): void {
    this.#libraries.delete(path);
  }

  isLibrary(path: string): boolean {
    return this.#libraries.has(path);
  }

  /** Keeps the state of a library that is being closed. */
  keep(path: string, state: T): void {
    if (this.#libraries.has(path)) this.#libraries.set(path, state);
  }

  /** The state of the library at `path` (null: made fresh by the caller); `not_a_library` when there is none. */
  open(path: string): T | null {
    const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
    if (!this.#libraries.has(clean)) throw apiError('not_a_library', `${clean} is not a Tessera library (no library.db); create one with \`tessera init\``);
    return this.#libraries.get(clean) ?? null;
  }

  /** Makes PARENT/NAME.tessera (refused as the core refuses) and returns its path. */
  create(parent: string, rawName: string): string {
    const name = validLibraryName(rawName);
    const dir = parent.length > 1 ? parent.replace(/\/+$/, '') : parent;
    if (!this.#folders.has(dir)) {
      const reason = this.#libraries.has(dir) ? 'it is not a folder' : 'the folder does not exist';
      throw apiError('invalid_input', `cannot create a library in ${dir}: ${reason}`, 'parent');
    }
    const path = `${dir === '/' ? '' : dir}/${name}.tessera`;
    if (this.#libraries.has(path)) throw apiError('invalid_input', `${path} is already a library: open it instead`, 'name');
    if (this.#folders.has(path)) throw apiError('invalid_input', `${path} already exists and is not empty: choose another name`, 'name');
    this.#libraries.set(path, null);
    return path;
  }

  /** Puts `path` first in the recent list. */
  record(path: string, now: number): void {
    this.#recent = [{ path, last_opened: now }, ...this.#recent.filter((r) => r.path !== path)].slice(0, MAX_RECENT);
  }

  recent(): RecentLibrary[] {
    return this.#recent.map((r) => ({ name: libraryName(r.path), path: r.path, last_opened: r.last_opened, missing: !this.#libraries.has(r.path) }));
  }
}
