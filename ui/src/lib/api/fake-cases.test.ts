// The shared query-language and paging cases (tests/cases/search.json), run against the fake. The core runs the same
// file (crates/tessera-core/tests/core/search_cases.rs) and is the reference: a case that fails only here is a place
// where the fake does not behave like the core. Each case walks every page from its start, checks each page (size,
// total, `next`) and compares the ids in order with the expectation and with one big page of the same request.

import { describe, expect, it } from 'vitest';
import shared from '../../../../tests/cases/search.json';
import type { Rec } from './fake-data';
import { hashOf } from './fake-data';
import { createFakeApi } from './fake';
import { builtIn, checkBuiltIn } from './fake-fields';
import type { ApiError, AssetKind, SearchRequest, SortKey, SortOrder } from './types';

interface Asset {
  id: number;
  name: string;
  kind: string;
  ext: string;
  width: number | null;
  height: number | null;
  size: number;
  rating: number | null;
  title: string | null;
  description: string | null;
  tags: string[];
  uploader: string;
  camera: string | null;
  taken: string | null;
  added: string;
  creator: string | null;
  credit: string | null;
  campaign: string | null;
  /** Built-in fields set after the asset is recorded. */
  fields?: Record<string, string>;
  collections?: string[];
}

interface Case {
  query: string;
  sort?: SortKey;
  order?: SortOrder;
  limit?: number;
  after?: [SortKey, number | string, number];
  cursor?: string;
  why?: string;
  expect: {
    ids?: number[];
    total?: number;
    total_exact?: boolean;
    error?: { code: string; message: string | null; column?: number };
  };
}

const data = shared as unknown as { assets: Asset[]; cases: Case[] };

function record(a: Asset): Rec {
  const space = a.camera?.indexOf(' ') ?? -1;
  return {
    id: a.id, name: a.name, kind: a.kind as AssetKind, ext: a.ext, width: a.width, height: a.height, size: a.size,
    rating: a.rating, title: a.title, description: a.description, tags: a.tags, uploader: a.uploader,
    added: Date.parse(`${a.added}Z`) / 1000, taken: a.taken, hash: hashOf(a.id),
    // The core keeps the camera as one text, "Make Model"; the fake as its parts.
    camera: a.camera === null ? null : { make: a.camera.slice(0, Math.max(0, space)), model: a.camera.slice(space + 1), lens: '' },
    creator: a.creator, credit: a.credit, campaign: a.campaign, rights: null,
    ...fieldsOf(a), collections: a.collections ?? [],
  };
}

/** An asset's built-in fields as the fake keeps them, checked as `setFields` checks them. */
function fieldsOf(a: Asset): Partial<Rec> {
  const out: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(a.fields ?? {})) {
    const b = builtIn(name);
    if (!b) throw new Error(`asset ${a.id}: ${name} is not a built-in field`);
    out[b === 'copyright' ? 'rights' : b] = checkBuiltIn(b, value);
  }
  return out as Partial<Rec>;
}

/** The core's cursor for a position: hex of its JSON. */
function cursorOf(after: NonNullable<Case['after']>): string {
  return Array.from(new TextEncoder().encode(JSON.stringify(after)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

/** What is wrong with the fake's answer to a case (nothing: an empty list). */
async function check(c: Case): Promise<string[]> {
  const api = createFakeApi({ records: data.assets.map(record) });
  const problems: string[] = [];
  const start = c.cursor ?? (c.after ? cursorOf(c.after) : null);
  const base: SearchRequest = { query: c.query, sort: c.sort ?? 'added', order: c.order ?? null, limit: c.limit ?? 100, cursor: start };
  const pageSize = Math.min(10_000, Math.max(1, base.limit));
  const total = c.expect.total ?? c.expect.ids?.length;
  const ids: number[] = [];
  try {
    let request = base;
    for (let pages = 0; ; pages++) {
      if (pages > 1000) {
        problems.push('more than 1000 pages');
        break;
      }
      const page = await api.search(request);
      if (total !== undefined && page.total !== total) problems.push(`page at row ${ids.length}: total ${page.total} instead of ${total}`);
      if (page.total_exact !== (c.expect.total_exact ?? true)) problems.push(`page at row ${ids.length}: total_exact ${page.total_exact}`);
      ids.push(...page.assets.map((a) => a.id));
      if (page.next === null) break;
      if (page.assets.length !== pageSize) problems.push(`page at row ${ids.length}: ${page.assets.length} rows before the end`);
      request = { ...request, cursor: page.next };
    }
  } catch (e) {
    const want = c.expect.error;
    if (!want) return [`refused: ${isApiError(e) ? e.message : String(e)}`];
    if (!isApiError(e)) return [`threw ${String(e)}`];
    if (e.code !== want.code) problems.push(`error code ${e.code} instead of ${want.code}`);
    if (want.message !== null && e.message !== want.message) problems.push(`error message ${JSON.stringify(e.message)} instead of ${JSON.stringify(want.message)}`);
    const column = /at column (\d+)$/.exec(e.message)?.[1];
    if (want.column !== undefined && Number(column) !== want.column) problems.push(`error column ${column} instead of ${want.column}`);
    return problems;
  }
  if (c.expect.error) return [`found ${JSON.stringify(ids)} instead of the error ${c.expect.error.code}`];
  if (new Set(ids).size !== ids.length) problems.push(`an id comes twice in ${JSON.stringify(ids)}`);
  if (c.expect.ids && JSON.stringify(ids) !== JSON.stringify(c.expect.ids)) {
    problems.push(`found ${JSON.stringify(ids)} instead of ${JSON.stringify(c.expect.ids)}`);
  }
  const one = (await api.search({ ...base, limit: 10_000 })).assets.map((a) => a.id);
  if (JSON.stringify(one) !== JSON.stringify(ids)) problems.push(`one page of everything is ${JSON.stringify(one)}, the pages walked ${JSON.stringify(ids)}`);
  return problems;
}

describe('the shared search cases (tests/cases/search.json)', () => {
  it('are all read', () => {
    expect(data.assets.length).toBeGreaterThan(20);
    expect(data.cases.length).toBeGreaterThanOrEqual(100);
  });

  it('pass against the fake as they pass against the core', async () => {
    const failures: string[] = [];
    for (const c of data.cases) {
      const how = `sort ${c.sort ?? 'added'}${c.order ? ` ${c.order}` : ''}, limit ${c.limit ?? 100}`;
      for (const p of await check(c)) failures.push(`${JSON.stringify(c.query)} (${how}): ${p}${c.why ? ` — ${c.why}` : ''}`);
    }
    expect(failures, `${failures.length} of the shared search cases' checks failed`).toEqual([]);
  });
});
