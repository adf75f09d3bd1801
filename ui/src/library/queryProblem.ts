// Where a refused query went wrong, for the grid's error state. The core's message ends in "at column N" (1-based,
// counted in characters); the bad token is taken from there to the end of the word it starts in.

import { tokenize } from './chips';

export interface QueryProblem {
  /** What is wrong, without the position. */
  message: string;
  /** 1-based column of the bad token, when the message says. */
  column: number | null;
  /** The query split around the bad token (all in `before` when there is no position). */
  before: string;
  bad: string;
  after: string;
}

const AT_COLUMN = /\s+at column (\d+)\s*$/;

export function queryProblem(query: string, message: string): QueryProblem {
  const m = AT_COLUMN.exec(message);
  if (!m) return { message, column: null, before: query, bad: '', after: '' };
  const column = Number(m[1]);
  const text = message.slice(0, m.index);
  const chars = Array.from(query);
  const start = Math.min(query.length, chars.slice(0, Math.max(0, column - 1)).join('').length);
  const word = tokenize(query).find((t) => t.start <= start && start < t.end);
  const end = word ? word.end : start;
  return { message: text, column, before: query.slice(0, start), bad: query.slice(start, end), after: query.slice(end) };
}
