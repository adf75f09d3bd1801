// The fake's trash, as the core keeps it (store/trash_sql.rs, app/assets/{trash,restore,empty_trash,locate}.rs): a
// move in or out is one edit-log step (field `trash`, so `undoLast` takes it back), all or nothing (an unknown id
// moves none), ones already there are not counted; the default views leave trashed assets out (fake-query.ts);
// emptying deletes them for good. Opening and revealing answer with the original's pretend path.

import type { Commands } from './api';
import { apiError, type Rec } from './fake-data';
import type { EditLog } from './fake-edits';
import { shownStatus } from '../status';
import type { AssetId, CopyReport, EmptyTrashOutcome, ExportReport, TrashedAsset, TrashOutcome } from './types';

type TrashCommands = Pick<Commands, 'trashAssets' | 'restoreAssets' | 'listTrash' | 'emptyTrash' | 'openAsset' | 'revealAsset' | 'copyAssets' | 'exportAssets'>;

/** What the trash needs of the fake library it lives in. */
export interface TrashHost {
  call<T>(method: keyof Commands, args: unknown[], body: () => T): Promise<T>;
  find(id: AssetId): Rec;
  records(): Rec[];
  /** Deletes these assets from the library for good. */
  remove(ids: Set<AssetId>): void;
  editLog(): EditLog;
  root(): string;
  committed(): void;
}

const count = (n: number) => (n === 1 ? '1 asset' : `${n} assets`);

export function fakeTrash(host: TrashHost): TrashCommands {
  const move = (ids: AssetId[], on: boolean): TrashOutcome => {
    const list = ids.map((id) => host.find(id)); // every id checked first: all or nothing
    const before = new Set(list.filter((a) => !!a.trashed_at === on).map((a) => a.id));
    const edit = host.editLog().trash(list, on, `${on ? 'trash' : 'restore'} ${count(ids.length)}`);
    const moved = [...new Set(list.map((a) => a.id))].filter((id) => !before.has(id));
    if (edit !== null) host.committed();
    return { moved, edit };
  };
  const original = (id: AssetId): string => {
    const a = host.find(id);
    return `${host.root()}/originals/${a.hash.slice(0, 2)}/${a.hash}.${a.ext}`;
  };
  return {
    trashAssets: (ids) => host.call('trashAssets', [ids], () => move(ids, true)),
    restoreAssets: (ids) => host.call('restoreAssets', [ids], () => move(ids, false)),
    listTrash: () =>
      host.call('listTrash', [], (): TrashedAsset[] =>
        host
          .records()
          .filter((a) => !!a.trashed_at)
          .sort((x, y) => (y.trashed_at ?? 0) - (x.trashed_at ?? 0) || y.id - x.id)
          .map((a) => ({ id: a.id, name: a.name, kind: a.kind, size: a.size, trashed_at: a.trashed_at ?? 0 })),
      ),
    emptyTrash: () =>
      host.call('emptyTrash', [], (): EmptyTrashOutcome => {
        const gone = new Set(host.records().filter((a) => !!a.trashed_at).map((a) => a.id));
        host.remove(gone);
        if (gone.size > 0) host.committed();
        return { assets: gone.size, files_removed: gone.size };
      }),
    openAsset: (id) => host.call('openAsset', [id], () => original(id)),
    revealAsset: (id) => host.call('revealAsset', [id], () => original(id)),
    copyAssets: (ids, out) =>
      host.call('copyAssets', [ids, out], (): CopyReport => {
        if (!out.trim()) throw apiError('invalid_input', 'choose a folder to copy into', 'out');
        const report: CopyReport = { copied: [], failed: [] };
        for (const id of ids) {
          const a = host.records().find((r) => r.id === id);
          if (a) report.copied.push({ id, path: `${out.replace(/\/+$/, '')}/${a.name}` });
          else report.failed.push({ id, reason: `no asset with id ${id}` });
        }
        return report;
      }),
    // The governance check of app/lifecycle/governance.rs: approved or published, rights not expired, or a reason.
    exportAssets: (ids, out, overrideReason) =>
      host.call('exportAssets', [ids, out, overrideReason], (): ExportReport => {
        if (!out.trim()) throw apiError('invalid_input', 'choose a folder to export into', 'out');
        const report: ExportReport = { exported: [], refused: [], failed: [] };
        for (const id of ids) {
          const a = host.records().find((r) => r.id === id);
          if (!a) {
            report.failed.push({ id, reason: `no asset with id ${id}` });
            continue;
          }
          const state = shownStatus(a.status ?? 'draft', a.expires, new Date().toISOString().slice(0, 10));
          const why = overrideReason?.trim();
          if (state !== 'approved' && state !== 'published' && !why) {
            const reason = state === 'expired' ? `its rights expired on ${a.expires}` : `it is ${state}; only approved or published assets may`;
            report.refused.push({ id, reason: `asset ${id} may not leave the library: ${reason}` });
            continue;
          }
          report.exported.push({ id, path: `${out.replace(/\/+$/, '')}/${a.name}` });
        }
        return report;
      }),
  };
}
