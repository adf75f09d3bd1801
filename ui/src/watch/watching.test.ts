import { describe, expect, it } from 'vitest';
import { emptyRule } from '../lib/api/fake';
import type { WatchEvent, WatchedFolder } from '../lib/api/types';
import { eventTitle, folderState, formFromRule, hostNotice, mergeEvents, parseTags, ruleFromForm, ruleSummary } from './watching';

function folder(over: Partial<WatchedFolder> = {}): WatchedFolder {
  return {
    id: 1, path: '/shoots/drop', state: 'active', ...emptyRule(), created_at: 0, ingested: 0, errors: 0,
    last_event_at: null, last_event: null, last_error: null, status: null, status_detail: null, status_at: null, ...over,
  };
}

function event(id: number, over: Partial<WatchEvent> = {}): WatchEvent {
  return { id, folder_id: 1, at: id, kind: 'ingested', path: `/shoots/drop/f${id}.jpg`, asset_id: id, detail: '', ...over };
}

describe('watched folder state', () => {
  it('shows paused first, then what the watcher says, then whether it runs', () => {
    expect(folderState(folder({ state: 'paused', status: 'watching' }), { kind: 'here' })).toBe('paused');
    expect(folderState(folder({ status: 'polling' }), { kind: 'elsewhere' })).toBe('polling');
    expect(folderState(folder({ status: 'unavailable' }), { kind: 'here' })).toBe('unavailable');
    expect(folderState(folder(), { kind: 'stopped', reason: 'disk gone' })).toBe('error');
    expect(folderState(folder(), { kind: 'starting' })).toBe('starting');
  });

  it('says when another process watches, or why nobody does', () => {
    expect(hostNotice({ kind: 'here' })).toBeNull();
    expect(hostNotice({ kind: 'elsewhere' })?.text).toContain('Another Tessera process is watching');
    expect(hostNotice({ kind: 'stopped', reason: 'no library' })).toMatchObject({ kind: 'error' });
  });
});

describe('rules form', () => {
  it('round-trips a rule and keeps the collection it does not edit', () => {
    const rule = { ...emptyRule(), after: 'move' as const, tags: ['summer', 'beach'], credit: 'Ana', collection: 'Hero' };
    const form = formFromRule(rule);
    expect(form.tags).toBe('summer, beach');
    expect(ruleFromForm(form, rule)).toEqual(rule);
  });

  it('trims fields, drops empty ones and repeated tags', () => {
    expect(parseTags(' summer, Summer ,, beach ')).toEqual(['summer', 'beach']);
    const rule = ruleFromForm({ ...formFromRule(null), creator: '  ', rights: ' © Studio ' });
    expect(rule).toMatchObject({ after: 'leave', creator: null, rights: '© Studio', collection: null });
  });

  it('summarises a rule in a line', () => {
    expect(ruleSummary({ ...emptyRule(), after: 'delete', tags: ['a'], credit: 'Ana' })).toBe('delete after ingest · tags a · credit Ana');
  });
});

describe('activity feed', () => {
  it('keeps newest first, without duplicates, capped', () => {
    const feed = mergeEvents([event(2), event(1)], [event(3), event(2)], 2);
    expect(feed.map((e) => e.id)).toEqual([3, 2]);
  });

  it('names the file, or the folder for folder events', () => {
    expect(eventTitle(event(1), [folder()])).toBe('f1.jpg');
    expect(eventTitle(event(2, { path: null, kind: 'warning' }), [folder()])).toBe('drop');
  });
});
