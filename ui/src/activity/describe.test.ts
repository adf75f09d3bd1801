import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../lib/api/types';
import { describeEvent } from './describe';

const event = (action: string, assets: number[], detail: Record<string, unknown>): AuditEvent => ({
  seq: 1, at: 0, actor: 'ana', action, assets, detail, hash: 'x',
});

describe('audit events in words', () => {
  it('says what happened to how many', () => {
    const cases: [AuditEvent, string][] = [
      [event('ingest', [1, 2, 3], { count: 3 }), 'Imported 3 assets'],
      [event('transition', [1, 2], { changes: [{ asset: 1, before: 'draft', after: 'in_review' }, { asset: 2, before: 'draft', after: 'in_review' }] }), 'Moved 2 assets: draft → in review'],
      [event('edit', [4], { summary: 'rating 5', changes: [] }), 'Rating 5 on 1 asset'],
      [event('undo', [4, 5], { summary: 'undo title', changes: [] }), 'Undid “title” on 2 assets'],
      [event('edit', [4], { summary: 'new version of asset 4', changes: [{ asset: 4, field: 'version', before: 1, after: 2 }] }), 'Version 2 made current (was 1)'],
      [event('override', [4], { reason: 'legal said yes', refused: 'it is draft' }), 'Override: legal said yes (it is draft)'],
      [event('decide', [9], { summary: 'approve' }), 'Decide on 1 asset: approve'],
    ];
    for (const [e, text] of cases) expect(describeEvent(e)).toBe(text);
  });
});
