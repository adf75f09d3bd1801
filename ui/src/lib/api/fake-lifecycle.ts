// The fake library's lifecycle, audit trail and versions, as the core keeps them: moves by the core's own transition
// table (tests/cases/lifecycle.json, written from domain/lifecycle.rs by its test) with the core's reasons, expiry
// shown against today, restore to the state before archiving, one `transition` event per call; the audit trail's
// events in order with the core's filters (the fake's chain always holds: nothing edits it behind its back);
// versions added (refused for content already in the library, another kind, a missing name) and reverted, each an
// `edit` event on record with version numbers.

import table from '../../../../tests/cases/lifecycle.json';
import { shownStatus } from '../status';
import { apiError, hashOf, type FakeFile, type Rec } from './fake-data';
import type {
  AssetId,
  AuditCheck,
  AuditEvent,
  AuditFilter,
  Moved,
  Status,
  StatusReport,
  Version,
  VersionChanged,
} from './types';
import type { Commands } from './api';

const ALLOWED = table.allowed as [Status, Status][];

/** The states an asset in `from` may move to, in table order (`lifecycle::next_states`). */
export function nextStates(from: Status): Status[] {
  return ALLOWED.filter(([f]) => f === from).map(([, t]) => t);
}

const words = (s: Status) => (s === 'in_review' ? 'in review' : s === 'changes_requested' ? 'changes requested' : s);

/** The core's refusal of a move (`lifecycle::transition`), or null when the table allows it. */
export function refusal(from: Status, to: Status): string | null {
  if (ALLOWED.some(([f, t]) => f === from && t === to)) return null;
  const [f, t] = [words(from), words(to)];
  if (from === to) return `the asset is already ${f}`;
  if (to === 'expired') return "expired is not set by hand: it follows the asset's expires date";
  if (from === 'expired') return `an expired asset cannot become ${t}: change its expires date first, or archive it`;
  if (['draft', 'changes_requested', 'rejected', 'in_review'].includes(from) && to === 'published') {
    return `an asset in ${f} cannot be published: approve it first`;
  }
  if (['draft', 'changes_requested', 'rejected'].includes(from) && ['approved', 'rejected', 'changes_requested'].includes(to)) {
    return `an asset in ${f} cannot become ${t}: submit it for review first`;
  }
  return `an asset in ${f} cannot become ${t}`;
}

/** The audit trail: events in order, never changed. */
export class FakeAudit {
  #events: AuditEvent[] = [];

  record(actor: string, action: string, assets: AssetId[], detail: Record<string, unknown>, at: number): void {
    const seq = this.#events.length + 1;
    this.#events.push({ seq, at, actor, action, assets: [...assets], detail, hash: hashOf(seq, 17) + hashOf(seq, 18) });
  }

  list(filter: AuditFilter, limit: number | null): AuditEvent[] {
    const hit = (e: AuditEvent) =>
      (filter.since === null || e.at >= filter.since) &&
      (filter.until === null || e.at < filter.until) &&
      (filter.actor === null || e.actor === filter.actor) &&
      (filter.action === null || e.action === filter.action) &&
      (filter.asset === null || e.assets.includes(filter.asset));
    const found = this.#events.filter(hit);
    if (filter.newest_first) found.reverse();
    return (limit === null ? found : found.slice(0, limit)).map((e) => ({ ...e, assets: [...e.assets] }));
  }

  verify(): AuditCheck {
    return { events: this.#events.length, broken: null };
  }
}

export interface LifecycleDeps {
  byId: () => Map<AssetId, Rec>;
  /** Takes an asset out of the library (stacked onto another as a version). */
  drop: (id: AssetId) => void;
  records: () => readonly Rec[];
  audit: () => FakeAudit;
  actor: string;
  now: () => number;
  /** A write happened: `library-changed` follows. */
  committed: () => void;
}

type LifecycleCommands = Pick<
  Commands,
  | 'assetStatus'
  | 'setStatus'
  | 'archiveAssets'
  | 'restoreArchived'
  | 'auditEvents'
  | 'verifyAudit'
  | 'versions'
  | 'addVersion'
  | 'revertVersion'
  | 'stackVersion'
>;

const today = () => new Date().toISOString().slice(0, 10);

/** The fake's wrapper of a command's body (latency, the calls list, `failNext`). */
export type Caller = <T>(method: keyof Commands, args: unknown[], body: () => T) => Promise<T>;

/** The bodies as commands, each through `call`. */
export function asCommands(bodies: ReturnType<typeof lifecycleCommands>, call: Caller): LifecycleCommands {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, body] of Object.entries(bodies) as [keyof LifecycleCommands, (...args: unknown[]) => unknown][]) {
    out[name] = (...args) => call(name, args, () => body(...args));
  }
  return out as unknown as LifecycleCommands;
}

/** The commands' bodies (the fake's `call` wraps each: latency, recorded calls, `failNext`). */
export function lifecycleCommands(d: LifecycleDeps): { [K in keyof LifecycleCommands]: (...a: Parameters<LifecycleCommands[K]>) => Awaited<ReturnType<LifecycleCommands[K]>> } {
  const find = (id: AssetId): Rec => {
    const a = d.byId().get(id);
    if (!a) throw apiError('not_found', `no asset with id ${id}`);
    return a;
  };
  const shown = (a: Rec) => shownStatus(a.status ?? 'draft', a.expires, today());
  /** All or none: every asset is checked before any moves. */
  const move = (ids: AssetId[], target: (a: Rec) => Status): Moved[] => {
    const plan = ids.map((id) => {
      const a = find(id);
      const from = shown(a);
      const to = target(a);
      const why = refusal(from, to);
      if (why !== null) throw apiError('conflict', why, 'status');
      return { a, from, to };
    });
    for (const { a, to } of plan) {
      a.archived_from = to === 'archived' ? (a.status ?? 'draft') : null;
      a.status = to;
    }
    const changes = plan.map(({ a, from, to }) => ({ asset: a.id, field: 'status', before: from, after: to }));
    d.audit().record(d.actor, 'transition', ids, { changes }, d.now());
    d.committed();
    return plan.map(({ a, from, to }) => ({ id: a.id, from, to }));
  };
  const files = (a: Rec): FakeFile[] => {
    a.versions ??= [{ name: a.name, hash: a.hash, ext: a.ext, size: a.size, width: a.width, height: a.height, added: a.added, uploader: a.uploader }];
    a.current ??= 1;
    return a.versions;
  };
  const makeCurrent = (a: Rec, number: number) => {
    const f = files(a)[number - 1]!;
    Object.assign(a, { current: number, hash: f.hash, ext: f.ext, size: f.size, width: f.width, height: f.height });
  };
  const logVersion = (a: Rec, before: number, after: number, summary: string) => {
    const changes = [{ asset: a.id, field: 'version', before, after }];
    d.audit().record(d.actor, 'edit', [a.id], { changes, summary, edit: null, undoes: null }, d.now());
    d.committed();
  };
  const changed = (a: Rec, yes: boolean): VersionChanged => ({ asset: a.id, number: a.current ?? 1, versions: files(a).length, changed: yes });
  return {
    assetStatus: (id): StatusReport => {
      const a = find(id);
      const state = shown(a);
      const history = d.audit()
        .list({ since: null, until: null, actor: null, action: 'transition', asset: id, newest_first: false }, null)
        .flatMap((e) =>
          (e.detail.changes as { asset: number; before: string; after: string }[])
            .filter((c) => c.asset === id)
            .map((c) => ({ seq: e.seq, at: e.at, actor: e.actor, from: c.before, to: c.after })),
        );
      return { id, state, stored: a.status ?? 'draft', expires: a.expires ?? null, next: nextStates(state), history };
    },
    setStatus: (ids, to) => move(ids, () => to),
    archiveAssets: (ids) => move(ids, () => 'archived'),
    restoreArchived: (ids) => {
      for (const id of ids) {
        const a = find(id);
        if ((a.status ?? 'draft') !== 'archived') throw apiError('conflict', `asset ${id} is not archived`, 'status');
      }
      return move(ids, (a) => a.archived_from ?? 'draft');
    },
    auditEvents: (filter, limit) => d.audit().list(filter, limit),
    verifyAudit: () => d.audit().verify(),
    versions: (id): Version[] => {
      const a = find(id);
      return files(a).map((f, i) => ({
        number: i + 1,
        current: i + 1 === a.current,
        width: f.width,
        height: f.height,
        file: {
          id: a.id * 1000 + i, hash: f.hash, mime: `image/${f.ext}`, ext: f.ext, size: f.size, original_name: f.name,
          source_path: `/home/me/Pictures/${f.name}`, stored_path: `originals/${f.hash.slice(0, 2)}/${f.hash}.${f.ext}`,
          uploader: f.uploader, added: f.added, thumbnail_note: null,
        },
      }));
    },
    addVersion: (id, path): VersionChanged => {
      const a = find(id);
      const name = path.split('/').pop() ?? path;
      const refused = (reason: string) => apiError('invalid_input', `cannot add ${path} as a new version of asset ${id}: ${reason}`, 'file');
      if (!name || !name.includes('.')) throw refused(`cannot read ${path}: no such file`);
      // The fake's files are their names: the same name is the same content, as its imports take it.
      if (files(a).some((f) => f.name === name)) {
        throw refused(`it is already one of this asset's versions (\`tessera version ls ${id}\`; \`tessera version revert\` makes an older one current)`);
      }
      const other = d.records().find((r) => r.id !== id && (r.versions ?? [{ name: r.name }]).some((f) => f.name === name));
      if (other) throw apiError('conflict', `${path} is already in the library as asset ${other.id}: a new version must be new content`, 'file');
      const ext = name.split('.').pop()!.toLowerCase();
      const image = ['jpg', 'jpeg', 'png', 'webp', 'heic', 'gif', 'tif', 'tiff'].includes(ext);
      if (image !== (a.kind === 'image')) throw refused(`it is ${image ? 'an image' : 'a document'} file and the asset is ${a.kind === 'image' ? 'an image' : `a ${a.kind}`}`);
      const before = a.current ?? 1;
      const list = files(a);
      list.push({ name, hash: hashOf(id, list.length + 1), ext, size: a.size + 1000 * list.length, width: a.width, height: a.height, added: d.now(), uploader: d.actor });
      makeCurrent(a, list.length);
      logVersion(a, before, list.length, `new version of asset ${id}`);
      return changed(a, true);
    },
    stackVersion: (from, onto): VersionChanged => {
      const refused = (reason: string) => apiError('invalid_input', `cannot add asset ${from} as a new version of asset ${onto}: ${reason}`, 'file');
      if (from === onto) throw refused('an asset cannot be a version of itself');
      const [f, o] = [find(from), find(onto)];
      if (f.kind !== o.kind) throw refused(`it is a ${f.kind} and asset ${onto} is a ${o.kind}`);
      const own = files(f);
      if (own.length !== 1) throw refused(`it has ${own.length} versions of its own; only a single file is stacked`);
      const before = o.current ?? 1;
      const list = files(o);
      list.push({ ...own[0]! });
      makeCurrent(o, list.length);
      d.drop(from);
      logVersion(o, before, list.length, `asset ${from} stacked onto asset ${onto} as a new version`);
      return changed(o, true);
    },
    revertVersion: (id, number): VersionChanged => {
      const a = find(id);
      const list = files(a);
      if (number < 1 || number > list.length) {
        throw apiError('not_found', `asset ${id} has no version ${number}: it has ${list.length} (\`tessera version ls ${id}\` lists them)`, 'version');
      }
      if (number === a.current) return changed(a, false);
      const before = a.current ?? 1;
      makeCurrent(a, number);
      logVersion(a, before, number, `asset ${id}: version ${number} made current`);
      return changed(a, true);
    },
  };
}
