import { describe, expect, it } from 'vitest';
import { commands, type Invoke } from './commands';

/** An `invoke` that records what it was asked and answers `answer`. */
function recording(answer: unknown = null) {
  const seen: [string, Record<string, unknown> | undefined][] = [];
  const invoke: Invoke = <T>(command: string, args?: Record<string, unknown>) => {
    seen.push([command, args]);
    return Promise.resolve(answer as T);
  };
  return { seen, invoke };
}

describe('generated command wrappers', () => {
  it('call the snake_case command with one camelCase key per parameter, as the shell reads them', async () => {
    const { seen, invoke } = recording({ changed: 0, assets: [] });
    const api = commands(invoke);
    await api.editAssets({ kind: 'ids', ids: [1] }, { add_tags: ['a'], remove_tags: [] });
    await api.watchEvents(20, null);
    await api.libraryInfo();
    expect(seen).toEqual([
      ['edit_assets', { selection: { kind: 'ids', ids: [1] }, edit: { add_tags: ['a'], remove_tags: [] } }],
      ['watch_events', { limit: 20, folder: null }],
      ['library_info', undefined],
    ]);
  });
});
