// The fake's lifecycle, audit trail and versions against what the core does (crates/tessera-core/tests/core/
// lifecycle.rs, audit.rs; crates/tessera-cli/tests/cli/versions.rs).

import { describe, expect, it } from 'vitest';
import table from '../../../../tests/cases/lifecycle.json';
import { createFakeApi } from './fake';
import { nextStates, refusal } from './fake-lifecycle';
import type { AuditFilter, SearchRequest, Status } from './types';

const request = (query: string): SearchRequest => ({ query, sort: 'added', order: null, limit: 1000, cursor: null });
const all: AuditFilter = { since: null, until: null, actor: null, action: null, asset: null, newest_first: false };
const STATES: Status[] = ['draft', 'in_review', 'approved', 'changes_requested', 'rejected', 'published', 'archived', 'expired'];

describe('the lifecycle in the fake', () => {
  it('allows exactly the moves of the core table, and says why for the others', () => {
    for (const from of STATES) {
      for (const to of STATES) {
        const listed = table.allowed.some(([f, t]) => f === from && t === to);
        expect(refusal(from, to) === null, `${from} -> ${to}`).toBe(listed);
      }
    }
    expect(refusal('draft', 'published')).toBe('an asset in draft cannot be published: approve it first');
    expect(refusal('draft', 'approved')).toBe('an asset in draft cannot become approved: submit it for review first');
    expect(refusal('approved', 'approved')).toBe('the asset is already approved');
    expect(nextStates('approved')).toEqual(['published', 'in_review', 'archived']);
  });

  it('moves all or none, shows expiry, archives out of the default views and restores the state before', async () => {
    const api = createFakeApi({ count: 6 });
    await api.setStatus([1, 2], 'in_review');
    await api.setStatus([1], 'approved');
    await expect(api.setStatus([1, 2], 'published')).rejects.toMatchObject({ code: 'conflict', field: 'status' });
    expect((await api.assetStatus(1)).state, 'nothing moved').toBe('approved');
    const report = await api.assetStatus(1);
    expect(report.next).toEqual(['published', 'in_review', 'archived']);
    expect(report.history.map((s) => `${s.from}>${s.to}`)).toEqual(['draft>in_review', 'in_review>approved']);

    await api.setFields({ kind: 'ids', ids: [1] }, [{ name: 'expires', value: '2020-01-01' }]);
    expect((await api.assetStatus(1)).state).toBe('expired');
    const badge = (await api.search(request(''))).assets.find((a) => a.id === 1)!;
    expect(badge.status, 'the tile shows it expired').toBe('expired');
    expect((await api.search(request('status:expired'))).assets.map((a) => a.id)).toEqual([1]);

    await api.archiveAssets([2, 3]);
    const shown = (await api.search(request(''))).assets.map((a) => a.id);
    expect(shown).not.toContain(2);
    expect(shown).not.toContain(3);
    expect((await api.search(request('is:archived'))).assets.map((a) => a.id).sort()).toEqual([2, 3]);
    expect((await api.search(request('status:archived'))).total).toBe(2);
    await api.restoreArchived([2, 3]);
    expect((await api.assetStatus(2)).state, 'back to the state before').toBe('in_review');
    expect((await api.assetStatus(3)).state).toBe('draft');
    await expect(api.restoreArchived([4])).rejects.toMatchObject({ code: 'conflict' });
    await expect(api.assetStatus(999)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps an audit trail of edits, undos and moves with the core filters', async () => {
    const api = createFakeApi({ count: 4 });
    await api.editAssets({ kind: 'ids', ids: [1, 2] }, { rating: 5, add_tags: [], remove_tags: [] });
    await api.undoLast();
    await api.setStatus([2], 'in_review');
    const events = await api.auditEvents(all, null);
    expect(events.map((e) => e.action)).toEqual(['edit', 'undo', 'transition']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.assets).toEqual([1, 2]);
    expect((await api.auditEvents({ ...all, asset: 2, action: 'transition' }, null)).map((e) => e.seq)).toEqual([3]);
    expect((await api.auditEvents({ ...all, newest_first: true }, 2)).map((e) => e.seq)).toEqual([3, 2]);
    expect((await api.auditEvents({ ...all, actor: 'bo' }, null))).toEqual([]);
    expect(await api.verifyAudit()).toEqual({ events: 3, broken: null });
  });

  it('adds versions, refuses what the core refuses, and reverts', async () => {
    const api = createFakeApi({ count: 3 });
    const first = await api.assetDetail(1);
    const other = await api.assetDetail(2);
    const kind = first.type === 'image' ? 'poster_v2.png' : 'notes_v2.pdf';
    const added = await api.addVersion(1, `/home/me/${kind}`);
    expect(added).toEqual({ asset: 1, number: 2, versions: 2, changed: true });
    const stack = await api.versions(1);
    expect(stack.map((v) => [v.number, v.current, v.file.original_name])).toEqual([[1, false, first.name], [2, true, kind]]);
    const row = (await api.search(request(''))).assets.find((a) => a.id === 1)!;
    expect(row.hash, 'the grid shows the new file').toBe(stack[1]!.file.hash);
    await expect(api.addVersion(1, `/home/me/${kind}`)).rejects.toMatchObject({ code: 'invalid_input', field: 'file' });
    await expect(api.addVersion(1, `/elsewhere/${other.name}`)).rejects.toMatchObject({ code: 'conflict', field: 'file' });
    expect(await api.revertVersion(1, 1)).toEqual({ asset: 1, number: 1, versions: 2, changed: true });
    expect((await api.revertVersion(1, 1)).changed).toBe(false);
    await expect(api.revertVersion(1, 3)).rejects.toMatchObject({ code: 'not_found', field: 'version' });
    const on = (await api.auditEvents({ ...all, asset: 1 }, null)).map((e) => e.detail.changes);
    expect(on).toEqual([[{ asset: 1, field: 'version', before: 1, after: 2 }], [{ asset: 1, field: 'version', before: 2, after: 1 }]]);
  });
});
