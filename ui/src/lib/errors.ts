// Turns failures into something a person can act on: what went wrong, and what to do about it.

import type { ApiError, ErrorCode } from './api/types';

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && typeof (e as ApiError).code === 'string' && typeof (e as ApiError).message === 'string';
}

const HINTS: Record<ErrorCode, string> = {
  io: 'Check that the file or folder still exists and that Tessera is allowed to read it, then try again.',
  database: 'The library database could not be read or written. Close other programs using the library (or a second Tessera window) and try again; restart Tessera if it persists.',
  not_a_library: 'Choose a folder that contains a Tessera library (it has a library.db), or create a new library.',
  schema_too_new: 'This library was saved by a newer Tessera. Update Tessera to open it.',
  not_found: 'The asset is no longer in the library (it may have been removed elsewhere). The view has been refreshed.',
  bad_query: 'Check the search: e.g. tag:summer rating>=4 type:image. Put values with spaces in quotes: tag:"summer campaign".',
  invalid_input: 'Check the value you entered: tags are 1–200 characters, ratings go from 0 to 5.',
  conflict: 'Something else already does this (another watcher, a name in use). Stop it or choose another, then try again.',
  busy: 'Tessera is busy with this already (an import, or another program writing the library). Wait a moment and try again.',
  forbidden: 'Your profile may not do this. Ask an admin of the library.',
  unavailable: 'A drive or server the library needs cannot be reached. Reconnect it and try again.',
  storage_full: 'The disk holding the library is full. Free some space, then try again.',
  cancelled: 'Nothing else was changed.',
};

/** Sharper hints for `invalid_input` when the core names the refused input (`ApiError.field`). */
const FIELD_HINTS: Record<string, string> = {
  tag: 'Tags must be 1–200 characters, without line breaks or tabs; a path like Brand/Product has no empty part and no / at either end.',
  colour: 'Give a colour as #rrggbb or #rgb.',
  rating: 'Ratings go from 0 to 5 (0 clears the rating).',
  path: 'Choose a folder that exists and does not overlap the library or a folder already watched.',
  cursor: 'The list changed while it was being read. Search again.',
  name: 'Library names cannot be empty, start with a dot, or contain / \\ : * ? " < > |; a folder of that name must not already hold files.',
  parent: 'Choose a folder that exists to put the new library in.',
};

export interface ErrorDescription {
  code: ErrorCode | null;
  /** The input the core refused (`tag`, `rating`, `path`, `query`…), when it says. */
  field: string | null;
  message: string;
  hint: string;
}

export function describeError(e: unknown): ErrorDescription {
  if (isApiError(e)) {
    const field = e.field ?? null;
    const hint = (e.code === 'invalid_input' && field !== null ? FIELD_HINTS[field] : undefined) ?? HINTS[e.code] ?? '';
    return { code: e.code, field, message: e.message, hint };
  }
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Something went wrong.';
  return { code: null, field: null, message, hint: 'Try again. If it keeps happening, restart Tessera.' };
}
