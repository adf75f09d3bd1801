// An in-memory LibraryApi: component tests, and `npm run dev` in a plain browser (no Tauri). It implements every
// generated command of `Commands` (commands.ts), so a command added, renamed or retyped in the core's table fails
// `npm run check` here until the fake follows. It behaves like the core where the UI can tell: the query grammar and
// its errors, sort orders and keyset cursors (fake-query.ts), tag names that keep their first spelling and are unique
// without regard to case (fake-tags.ts), edits of a list or of a query's matches in one call, an import's summary, and
// `library-changed` shortly after anything is committed.

import { EDIT_DETAIL_LIMIT, type Commands, type DragDrop, type LibraryApi, type Unlisten } from './api';
import { apiError, detail, fakeThumbnail, generate, pad, type Rec } from './fake-data';
import { FakeLibraries, libraryName } from './fake-libraries';
import { compile, searchPage } from './fake-query';
import { EditLog } from './fake-edits';
import { asCommands, lifecycleCommands } from './fake-lifecycle';
import { FakePeople } from './fake-people';
import { reviewCommands } from './fake-review';
import { versionOffers } from './fake-version-names';
import { fakeTrash } from './fake-trash';
import { collectionPath, FakeCollections, ref } from './fake-collections';
import { writeXmp } from './fake-xmp';
import { FieldBook } from './fake-fields';
import { nocase, normaliseTag, TagTree, type Reshaped } from './fake-tags';

import type {
  ApiError,
  AssetEdit,
  AssetId,
  CustomField,
  EditOutcome,
  FieldAssignment,
  FieldDefinition,
  EditProgress,
  IngestProgress,
  IngestReport,
  IngestSummary,
  LibraryChanged,
  LibraryInfo,
  Page,
  RecentLibrary,
  SearchRequest,
  Selection,
  Template,
  TagChange,
  WatchEvent,
  WatchRule,
  WatchedFolder,
  WatcherHost,
} from './types';

export interface FakeOptions {
  /** Assets to start with (default 200). */
  count?: number;
  /** These assets instead of `count` generated ones (copied; ids as given): the shared search cases. */
  records?: readonly Rec[];
  /** The library's name (its folder without `.tessera`; default "Default"). */
  name?: string;
  /** Totals above this are reported as the cap with `total_exact: false`, as the core does (default 10,000). */
  totalCap?: number;
  /** Milliseconds between simulated import steps (default 40). */
  importStep?: number;
  /** Milliseconds each call waits before answering (default 0: the next microtask). */
  latency?: number;
  /**
   * Milliseconds from a commit (an edit, an import step, a watched arrival) to its `library-changed`; commits within
   * that time share one event, as the shell's change probe does (default 20; the shell polls every 250).
   */
  changeDelay?: number;
  /** Watched folders to start with (default none). */
  watched?: { path: string; rule?: Partial<WatchRule> }[];
  /** Who watches (default: this app). */
  host?: WatcherHost;
  /**
   * Other libraries on the pretend disk, in the recent list after the open one (`missing`: listed, but its folder
   * is gone); `count` generated assets each (default 20).
   */
  libraries?: { path: string; count?: number; missing?: boolean }[];
}

/** What a fake library holds; the open one's parts live in `createFakeApi`'s variables and are swapped on a switch. */
interface LibraryState {
  records: Rec[];
  folders: WatchedFolder[];
  watchEvents: WatchEvent[];
  /** Its own edit log (undo is per library, as in the core); made on first open. */
  editLog?: EditLog;
  /** Its custom fields and templates; made on first open. */
  fieldBook?: FieldBook;
  /** Its tag tree (colours, synonyms); made on first open. */
  tags?: TagTree;
}

/** A rule with nothing set (leave the source, no tags, no metadata). */
export function emptyRule(): WatchRule {
  return { after: 'leave', tags: [], credit: null, creator: null, rights: null, campaign: null, uploader: null, collection: null };
}

type Listeners<T> = Set<(payload: T) => void>;


export interface FakeLibraryApi extends LibraryApi {
  /** Every call made, for tests: [method, ...args]. */
  readonly calls: [string, ...unknown[]][];
  /** Emits `library-changed` (as another window or the CLI would). */
  emitLibraryChanged(reason: string): void;
  /** Simulates a drag-and-drop event. */
  emitDragDrop(event: DragDrop): void;
  /** Files arriving in a watched folder: each becomes an asset (with the folder's tags) and a feed event. */
  dropIntoWatched(folderId: number, names: string[]): void;
  /** Another process starts or stops watching. */
  emitWatcherHost(host: WatcherHost): void;
  /** Makes the next call to `method` reject with `error`. */
  failNext(method: keyof Commands, error: ApiError): void;
}

export function createFakeApi(options: FakeOptions = {}): FakeLibraryApi {
  const { count = 200, name = 'Default', totalCap = 10_000, importStep = 40, latency = 0, changeDelay = 20, watched = [] } = options;
  let host: WatcherHost = options.host ?? { kind: 'here' };
  let folders: WatchedFolder[] = [];
  let watchEvents: WatchEvent[] = [];
  let nextFolderId = 1;
  let nextEventId = 1;
  let records: Rec[] = options.records?.map((r) => ({ ...r, tags: [...r.tags] })) ?? Array.from({ length: count }, (_, i) => generate(i + 1, count));
  let tagNames = new TagTree();
  for (const r of records) r.tags = tagNames.apply([], r.tags);
  // Kept for the open library (a switch of libraries starts the other with none: a simplification).
  let collections = new FakeCollections(() => records);
  const newEditLog = () => new EditLog(tagNames, 'me', () => Math.floor(Date.now() / 1000));
  const tagLookup = (tag: string, exact: boolean) => tagNames.matching(tag, exact);
  let editLog = newEditLog();
  let fieldBook = new FieldBook();
  const byId = new Map(records.map((r) => [r.id, r]));
  let nextId = records.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  let importing: { cancelled: boolean } | null = null;
  let root = `/home/me/.local/share/tessera/${name}.tessera`;
  const disk = new FakeLibraries<LibraryState>(root, ['/home/me/Pictures', '/home/me/Documents']);
  const now = () => Math.floor(Date.now() / 1000);
  const listedAt = now();
  for (const [i, l] of [...(options.libraries ?? [])].reverse().entries()) {
    const n = l.count ?? 20;
    disk.addLibrary(l.path, { records: Array.from({ length: n }, (_, j) => generate(j + 1, n)), folders: [], watchEvents: [] });
    disk.record(l.path, listedAt - 3600 * (i + 1));
    if (l.missing) disk.remove(l.path);
  }
  disk.record(root, listedAt);
  const calls: [string, ...unknown[]][] = [];
  const failures = new Map<string, ApiError>();
  const thumbs = new Map<string, string>();

  const progress: Listeners<IngestProgress> = new Set();
  const finished: Listeners<IngestSummary> = new Set();
  const changed: Listeners<LibraryChanged> = new Set();
  const drops: Listeners<DragDrop> = new Set();
  const watchListeners: Listeners<WatchEvent> = new Set();
  const hostListeners: Listeners<WatcherHost> = new Set();
  const openedListeners: Listeners<LibraryInfo> = new Set();
  const editProgress: Listeners<EditProgress> = new Set();
  const emit = <T>(set: Listeners<T>, payload: T) => set.forEach((h) => h(payload));
  const subscribe = <T>(set: Listeners<T>, h: (p: T) => void): Promise<Unlisten> => {
    set.add(h);
    return Promise.resolve(() => set.delete(h));
  };
  let changeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Something was committed: `library-changed` follows, once for a burst. */
  function committed(): void {
    if (changeTimer !== null) return;
    changeTimer = setTimeout(() => {
      changeTimer = null;
      emit(changed, { reason: 'changed' });
    }, changeDelay);
  }

  async function call<T>(method: keyof Commands, args: unknown[], body: () => T): Promise<T> {
    calls.push([method, ...args]);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    else await Promise.resolve();
    const fail = failures.get(method);
    if (fail) {
      failures.delete(method);
      throw fail;
    }
    return body();
  }

  function find(id: AssetId): Rec {
    const a = byId.get(id);
    if (!a) throw apiError('not_found', `no asset with id ${id}`);
    return a;
  }

  /** The assets a selection names: every id (all must exist), or every match of the query less `except`. */
  function select(selection: Selection): Rec[] {
    if (selection.kind === 'ids') return selection.ids.map(find);
    const test = compile(selection.query, tagLookup, fieldBook.fields);
    const except = new Set(selection.except);
    return records.filter((r) => test(r) && !except.has(r.id));
  }

  /** Sets fields on a selection as the core's `set_fields`: every value checked first, then one edit-log step. */
  function applyFields(selection: Selection, assignments: FieldAssignment[]): EditOutcome {
    const checked = fieldBook.check(assignments);
    const list = select(selection);
    const id = editLog.setFields(list, checked);
    emit(editProgress, { done: list.length, total: list.length });
    committed();
    return { changed: list.length, assets: list.length <= EDIT_DETAIL_LIMIT ? list.map(detail) : [], edit: id };
  }

  function add(name: string, uploader = 'me'): Rec {
    const id = nextId++;
    const a = { ...generate(id, id), name, ext: name.split('.').pop()?.toLowerCase() ?? '', uploader, added: Math.floor(Date.now() / 1000) };
    a.kind = ['jpg', 'jpeg', 'png', 'webp', 'heic', 'gif', 'tif'].includes(a.ext) ? 'image' : a.kind === 'image' ? 'other' : a.kind;
    if (a.kind !== 'image') Object.assign(a, { width: null, height: null, camera: null, taken: null });
    Object.assign(a, { tags: [], title: null, rating: null, description: null });
    records = [...records, a];
    byId.set(id, a);
    return a;
  }

  function runImport(files: string[]): void {
    const job = { cancelled: false };
    importing = job;
    const report: IngestReport = { ingested: [], duplicates: [], in_trash: [], skipped: [], failed: [], seconds: 0, bytes: 0, megapixels: 0, cancelled: false, version_offers: [] };
    const started = Date.now();
    const p: IngestProgress = { phase: 'scanning', total: 0, done: 0, ingested: 0, duplicates: 0, skipped: 0, failed: 0, current: null };
    emit(progress, { ...p });
    let i = 0;
    const step = () => {
      if (job.cancelled || i >= files.length) {
        report.cancelled = job.cancelled;
        report.version_offers = versionOffers(records, report.ingested);
        report.seconds = (Date.now() - started) / 1000;
        importing = null;
        emit(progress, { ...p, phase: 'done' });
        emit(finished, summarize(report));
        return;
      }
      const path = files[i++]!;
      const name = path.split(/[\\/]/).pop() ?? path;
      if (name.startsWith('.')) {
        report.skipped.push({ path, reason: 'hidden file' });
        p.skipped++;
      } else if (name.endsWith('.part')) {
        report.failed.push({ path, reason: 'unexpected end of file: the download may be incomplete' });
        p.failed++;
      } else {
        const dup = records.find((r) => r.name === name);
        if (dup) {
          report.duplicates.push({ path, id: dup.id });
          p.duplicates++;
        } else {
          const a = add(name);
          report.ingested.push({ path, id: a.id });
          report.bytes += a.size;
          p.ingested++;
          committed();
        }
      }
      p.phase = 'importing';
      p.total = files.length;
      p.done = i;
      p.current = path;
      emit(progress, { ...p });
      setTimeout(step, importStep);
    };
    setTimeout(step, importStep);
  }

  /** A rename's or merge's answer, with its entry on the edit log (on record only: undo passes over it). */
  function reshaped(done: Reshaped, summary: string): TagChange {
    const edit = editLog.onRecord(summary, done.assets.size);
    committed();
    return { tag: done.tag, tags: done.tags, assets: done.assets.size, edit };
  }

  /** A path as the core's summary names it (normalised; the input as given when it is refused anyway). */
  function safePath(name: string): string {
    try {
      return normaliseTag(name);
    } catch {
      return name;
    }
  }

  function findFolder(id: number): WatchedFolder {
    const f = folders.find((x) => x.id === id);
    if (!f) throw apiError('not_found', `no watched folder with id ${id}`);
    return f;
  }

  function cleanRule(rule: WatchRule): WatchRule {
    const text = (v: string | null) => v?.trim() || null;
    const tags: string[] = [];
    for (const t of rule.tags) {
      const tag = tagNames.spell(t);
      if (!tags.some((x) => nocase(x) === nocase(tag))) tags.push(tag);
    }
    return {
      after: rule.after, tags, credit: text(rule.credit), creator: text(rule.creator), rights: text(rule.rights),
      campaign: text(rule.campaign), uploader: text(rule.uploader), collection: text(rule.collection),
    };
  }

  function addFolder(path: string, rule: WatchRule): WatchedFolder {
    const clean = path.replace(/\/+$/, '');
    for (const o of folders) {
      if (o.path === clean) throw apiError('invalid_input', `cannot watch ${clean}: already watched (id ${o.id})`, 'path');
      if (clean.startsWith(`${o.path}/`) || o.path.startsWith(`${clean}/`)) {
        throw apiError('invalid_input', `cannot watch ${clean}: it overlaps watched folder ${o.id} (${o.path}); watch one or the other`, 'path');
      }
    }
    const f: WatchedFolder = {
      id: nextFolderId++, path: clean, state: 'active', ...cleanRule(rule), created_at: Math.floor(Date.now() / 1000),
      ingested: 0, errors: 0, last_event_at: null, last_event: null, last_error: null,
      status: host.kind === 'here' ? 'watching' : null, status_detail: null, status_at: null,
    };
    folders = [...folders, f];
    return f;
  }
  for (const w of watched) addFolder(w.path, { ...emptyRule(), ...w.rule });

  function recordWatch(e: Omit<WatchEvent, 'id' | 'at'>): void {
    const event: WatchEvent = { ...e, id: nextEventId++, at: Math.floor(Date.now() / 1000) };
    watchEvents = [event, ...watchEvents].slice(0, 10_000);
    const f = folders.find((x) => x.id === e.folder_id);
    if (f) {
      const name = e.path?.split('/').pop() ?? '';
      const line = [e.kind, name].filter(Boolean).join(' ') + (e.detail ? `: ${e.detail}` : '');
      if (e.kind === 'ingested') f.ingested++;
      if (e.kind === 'failed' || e.kind === 'error') {
        f.errors++;
        f.last_error = line;
      }
      f.last_event = line;
      f.last_event_at = event.at;
    }
    emit(watchListeners, event);
  }

  function expand(paths: string[]): string[] {
    return paths.flatMap((p) =>
      /\.[a-z0-9]+$/i.test(p) ? [p] : [
        ...Array.from({ length: 22 }, (_, i) => `${p}/IMG_${pad(4000 + i, 4)}.jpg`),
        `${p}/.DS_Store`,
        `${p}/clip-final.mov.part`,
      ],
    );
  }

  /** The open library's name, folder and counters, as `library_info` answers. */
  function info(): LibraryInfo {
    const by_type: Record<string, number> = {};
    let untagged = 0;
    let bytes = 0;
    let trashed = 0;
    const tags = new Set<string>();
    for (const r of records) {
      bytes += r.size;
      if (r.trashed_at) {
        trashed++; // out of the counters, its original still stored (the trash migration's triggers)
        continue;
      }
      by_type[r.kind] = (by_type[r.kind] ?? 0) + 1;
      if (r.tags.length === 0) untagged++;
      r.tags.forEach((t) => tags.add(nocase(t))); // tags with uses > 0, as the core counts them
    }
    return {
      root,
      name: libraryName(root),
      stats: { assets: records.length - trashed, files: records.length, original_bytes: bytes, by_type, tags: tags.size, untagged, trashed, database_bytes: 4096 + records.length * 900 },
    };
  }

  /**
   * Opens another library as the shell's switch does: refused while an import runs; the open one's state is kept on
   * the pretend disk, the other's swapped in (or started empty), recorded as the most recent, and `library-opened`
   * sent. `open` finds or makes it, and throws as the core refuses.
   */
  function switchTo(open: () => { path: string; state: LibraryState | null }): LibraryInfo {
    if (importing) throw apiError('conflict', 'an import is running; wait for it to finish or cancel it, then open the other library');
    disk.keep(root, { records, folders, watchEvents, editLog, fieldBook, tags: tagNames });
    const next = open();
    const state = next.state ?? { records: [], folders: [], watchEvents: [] };
    root = next.path.length > 1 ? next.path.replace(/\/+$/, '') : next.path;
    records = state.records;
    collections = new FakeCollections(() => records);
    folders = state.folders;
    watchEvents = state.watchEvents;
    tagNames = state.tags ?? new TagTree();
    editLog = state.editLog ?? newEditLog();
    fieldBook = state.fieldBook ?? new FieldBook();
    for (const r of records) r.tags = tagNames.apply([], r.tags);
    byId.clear();
    for (const r of records) byId.set(r.id, r);
    nextId = Math.max(nextId, records.reduce((max, r) => Math.max(max, r.id), 0) + 1);
    disk.record(root, now());
    const opened = info();
    emit(openedListeners, opened);
    return opened;
  }

  const drop = (id: number) => {
    records = records.filter((r) => r.id !== id);
    byId.delete(id);
  };
  const people = new FakePeople(now());
  const lifecycle = lifecycleCommands({ byId: () => byId, drop, records: () => records, audit: () => editLog.audit, get actor() { return people.actor; }, now, committed });
  const api: FakeLibraryApi = {
    ...asCommands(lifecycle, call),
    ...reviewCommands({ byId: () => byId, get actor() { return people.actor; }, now, committed }, call),
    ...people.commands(now, call, committed),
    calls,
    libraryInfo: () => call('libraryInfo', [], info),
    recentLibraries: () => call('recentLibraries', [], (): RecentLibrary[] => disk.recent()),
    openLibrary: (path) => call('openLibrary', [path], () => switchTo(() => ({ path, state: disk.open(path) }))),
    createLibrary: (parent, libName) =>
      call('createLibrary', [parent, libName], () => switchTo(() => ({ path: disk.create(parent, libName), state: null }))),
    search: (request: SearchRequest) =>
      call('search', [request], (): Page => searchPage(records, request, totalCap, tagLookup, fieldBook.fields)),
    assetDetail: (id) =>
      call('assetDetail', [id], () => {
        const a = find(id);
        return { ...detail(a), collections: collections.refsOf(a) };
      }),
    editAssets: (selection: Selection, edit: AssetEdit) =>
      call('editAssets', [selection, edit], (): EditOutcome => {
        if (edit.rating != null && (edit.rating < 0 || edit.rating > 5 || !Number.isInteger(edit.rating))) {
          throw apiError('invalid_input', `invalid rating ${edit.rating}: ratings go from 0 to 5`, 'rating');
        }
        // Checked before anything changes: all or nothing.
        [...edit.add_tags, ...edit.remove_tags].forEach(normaliseTag);
        const list = select(selection);
        const id = editLog.edit(list, edit);
        emit(editProgress, { done: list.length, total: list.length });
        committed();
        return { changed: list.length, assets: list.length <= EDIT_DETAIL_LIMIT ? list.map((a) => ({ ...detail(a), collections: collections.refsOf(a) })) : [], edit: id };
      }),
    setFields: (selection: Selection, assignments: FieldAssignment[]) =>
      call('setFields', [selection, assignments], (): EditOutcome => applyFields(selection, assignments)),
    listFields: () => call('listFields', [], (): CustomField[] => structuredClone(fieldBook.fields)),
    defineField: (definition: FieldDefinition) => call('defineField', [definition], () => fieldBook.define(definition)),
    removeField: (fieldName: string) => call('removeField', [fieldName], () => fieldBook.remove(fieldName, records)),
    editFieldChoices: (fieldName: string, add: string[], retire: string[]) =>
      call('editFieldChoices', [fieldName, add, retire], () => fieldBook.editChoices(fieldName, add, retire)),
    listTemplates: () => call('listTemplates', [], (): Template[] => structuredClone(fieldBook.templates)),
    addTemplate: (templateName: string, assignments: FieldAssignment[]) =>
      call('addTemplate', [templateName, assignments], () => fieldBook.addTemplate(templateName, assignments)),
    applyTemplate: (templateName: string, selection: Selection) =>
      call('applyTemplate', [templateName, selection], (): EditOutcome =>
        applyFields(selection, fieldBook.template(templateName).assignments)),
    undoLast: () =>
      call('undoLast', [], () => {
        const outcome = editLog.undo();
        emit(editProgress, { done: outcome.restored + outcome.skipped, total: outcome.restored + outcome.skipped });
        committed();
        return outcome;
      }),
    editLog: (limit, mine) => call('editLog', [limit, mine], () => editLog.list(limit, mine)),
    ...fakeTrash({
      call, find, records: () => records, editLog: () => editLog, root: () => root, committed,
      remove: (gone) => {
        records = records.filter((r) => !gone.has(r.id));
        gone.forEach((id) => byId.delete(id));
      },
    }),
    tagCounts: () => call('tagCounts', [], () => tagNames.counts(records.filter((r) => !r.trashed_at))),
    renameTag: (from, to, merge) =>
      call('renameTag', [from, to, merge], () => {
        const summary = `rename tag ${safePath(from)} to ${safePath(to)}`;
        return reshaped(tagNames.rename(records, from, to, merge), summary);
      }),
    mergeTags: (from, into) =>
      call('mergeTags', [from, into], () => {
        const summary = `merge tag ${safePath(from)} into ${safePath(into)}`;
        return reshaped(tagNames.merge(records, from, into), summary);
      }),
    tagAssets: (tag, limit) => call('tagAssets', [tag, limit], () => tagNames.assets(records, tag, limit)),
    deleteTag: (tag) =>
      call('deleteTag', [tag], (): TagChange => {
        const { change, removed } = tagNames.delete(records, tag);
        const edit = editLog.tagDelete(`delete tag ${change.tag}`, removed);
        committed();
        return { tag: change.tag, tags: change.tags, assets: change.assets.size, edit };
      }),
    setTagColour: (tag, colour) =>
      call('setTagColour', [tag, colour], () => {
        const path = tagNames.setColour(tag, colour);
        committed();
        return path;
      }),
    addTagSynonym: (tag, synonym) =>
      call('addTagSynonym', [tag, synonym], () => {
        const path = tagNames.addSynonym(tag, synonym);
        committed();
        return path;
      }),
    removeTagSynonym: (synonym) =>
      call('removeTagSynonym', [synonym], () => {
        const path = tagNames.removeSynonym(synonym);
        committed();
        return path;
      }),
    collections: () =>
      call('collections', [], () =>
        collections.tree((query) => {
          const test = compile(query, tagLookup, fieldBook.fields);
          const n = records.filter(test).length;
          return { total: Math.min(n, totalCap), exact: n <= totalCap };
        })),
    collectionCreate: (path) => call('collectionCreate', [path], () => ref(collections.ensure(collectionPath(path)))),
    collectionAdd: (path, selection) =>
      call('collectionAdd', [path, selection], () => {
        const parts = collectionPath(path);
        const list = select(selection); // an unknown id refuses before anything is made
        const n = collections.manual(collections.ensure(parts));
        const changed = new Set(list.filter((a) => !a.collections?.includes(n.path)).map((a) => a.id)).size;
        const edit = editLog.membership(list, n.path, true, `+collection ${parts.join('/')}`);
        emit(editProgress, { done: list.length, total: list.length });
        committed();
        return { collection: ref(n), selected: list.length, changed, edit };
      }),
    collectionRemove: (path, selection) =>
      call('collectionRemove', [path, selection], () => {
        const n = collections.manual(collections.require(collectionPath(path).join('/')));
        const list = select(selection);
        const had = new Set(list.filter((a) => a.collections?.includes(n.path)).map((a) => a.id)).size;
        const edit = editLog.membership(list, n.path, false, `-collection ${collectionPath(path).join('/')}`);
        emit(editProgress, { done: list.length, total: list.length });
        committed();
        return { collection: ref(n), selected: list.length, changed: had, edit };
      }),
    collectionRename: (from, to) =>
      call('collectionRename', [from, to], () => {
        const out = collections.rename(collectionPath(from).join('/'), collectionPath(to));
        committed();
        return out;
      }),
    collectionDelete: (path, force) =>
      call('collectionDelete', [path, force], () => {
        const out = collections.delete(collectionPath(path).join('/'), 'manual', force);
        committed();
        return out;
      }),
    collectionReorder: (path, first) =>
      call('collectionReorder', [path, first], () => collections.reorder(collections.require(collectionPath(path).join('/')), first)),
    collectionCover: (path, cover) =>
      call('collectionCover', [path, cover], () => collections.cover(collections.require(collectionPath(path).join('/')), cover)),
    smartAdd: (path, query) =>
      call('smartAdd', [path, query], () => {
        const parts = collectionPath(path);
        compile(query, tagLookup, fieldBook.fields); // refused as a search refuses it
        // A query naming itself (the fake keeps no chains of smart collections: `smart:` matches nothing in it).
        const own = nocase(parts.join('/'));
        if ([`smart:${own}`, `smart:"${own}"`].some((t) => nocase(query).includes(t))) {
          throw apiError('bad_query', `smart collection ${JSON.stringify(parts.join('/'))} refers back to itself; change one of their queries`, 'query');
        }
        return collections.addSmart(parts, query);
      }),
    smartRemove: (path) => call('smartRemove', [path], () => collections.delete(collectionPath(path).join('/'), 'smart', true)),
    writeXmp: (ids) => call('writeXmp', [ids], () => writeXmp(records, ids)),
    importPaths: (paths) =>
      call('importPaths', [paths], () => {
        if (importing) throw apiError('busy', 'an import is already running; wait for it to finish or cancel it');
        runImport(expand(paths));
      }),
    cancelImport: () =>
      call('cancelImport', [], () => {
        if (importing) importing.cancelled = true;
      }),
    pickFiles: () => call('pickFiles', [], () => ['/home/me/Pictures/Lisbon/tram-28.jpg', '/home/me/Pictures/Lisbon/alfama-rooftops.jpg', '/home/me/Pictures/Lisbon/pasteis.png']),
    pickFolder: () => call('pickFolder', [], () => '/home/me/Pictures/Holiday 2025'),
    addSampleAssets: () =>
      call('addSampleAssets', [], () => {
        if (importing) throw apiError('busy', 'an import is already running; wait for it to finish or cancel it');
        runImport(Array.from({ length: 12 }, (_, i) => `/tmp/tessera-samples/sample-${pad(i + 1)}.png`));
      }),
    watchFolders: () => call('watchFolders', [], () => folders.map((f) => ({ ...f, tags: [...f.tags] }))),
    watchAdd: (path, rule) =>
      call('watchAdd', [path, rule], () => {
        const f = addFolder(path, rule);
        committed();
        return { ...f };
      }),
    watchRemove: (id) =>
      call('watchRemove', [id], () => {
        const f = findFolder(id);
        folders = folders.filter((x) => x.id !== id);
        watchEvents = watchEvents.filter((e) => e.folder_id !== id);
        committed();
        return { ...f };
      }),
    watchPause: (id) =>
      call('watchPause', [id], () => {
        const f = findFolder(id);
        Object.assign(f, { state: 'paused', status: null });
        committed();
        return { ...f };
      }),
    watchResume: (id) =>
      call('watchResume', [id], () => {
        const f = findFolder(id);
        Object.assign(f, { state: 'active', status: host.kind === 'here' ? 'watching' : f.status });
        committed();
        return { ...f };
      }),
    watchUpdateRule: (id, rule) =>
      call('watchUpdateRule', [id, rule], () => {
        const f = findFolder(id);
        Object.assign(f, cleanRule(rule));
        committed();
        return { ...f };
      }),
    watchEvents: (limit, folder) =>
      call('watchEvents', [limit, folder], () =>
        watchEvents.filter((e) => folder === null || e.folder_id === folder).slice(0, Math.max(0, limit)),
      ),
    watcherHost: () => call('watcherHost', [], () => host),
    thumbnailUrl: (id, hash, size) => {
      const key = `${size}/${id}/${hash}`;
      let url = thumbs.get(key);
      if (!url) {
        const a = byId.get(id);
        url = fakeThumbnail(a ?? { id, kind: 'other', ext: '?', width: null, height: null }, size);
        thumbs.set(key, url);
      }
      return url;
    },
    onIngestProgress: (h) => subscribe(progress, h),
    onIngestFinished: (h) => subscribe(finished, h),
    onLibraryChanged: (h) => subscribe(changed, h),
    onLibraryOpened: (h) => subscribe(openedListeners, h),
    onEditProgress: (h) => subscribe(editProgress, h),
    onDragDrop: (h) => subscribe(drops, h),
    onWatchEvent: (h) => subscribe(watchListeners, h),
    onWatcherHost: (h) => subscribe(hostListeners, h),
    dropIntoWatched: (folderId, names) => {
      const f = findFolder(folderId);
      for (const name of names) {
        const path = `${f.path}/${name}`;
        const dup = records.find((r) => r.name === name);
        if (dup) {
          recordWatch({ folder_id: f.id, kind: 'duplicate', path, asset_id: dup.id, detail: '' });
          continue;
        }
        const a = add(name, f.uploader ?? 'me');
        a.tags = tagNames.apply([], f.tags);
        Object.assign(a, { creator: f.creator, rights: f.rights, credit: f.credit, campaign: f.campaign });
        recordWatch({ folder_id: f.id, kind: 'ingested', path, asset_id: a.id, detail: '' });
      }
      committed();
    },
    emitWatcherHost: (h) => {
      host = h;
      emit(hostListeners, h);
    },
    emitLibraryChanged: (reason) => emit(changed, { reason }),
    emitDragDrop: (event) => emit(drops, event),
    failNext: (method, error) => void failures.set(method, error),
  };
  return api;
}

/** Forwards the browser's own file drag-and-drop to the fake's drag-drop event (names stand in for paths). */
export function bridgeBrowserDragDrop(api: FakeLibraryApi, target: Window = window): Unlisten {
  let depth = 0;
  const names = (e: DragEvent) => Array.from(e.dataTransfer?.files ?? []).map((f) => `/dropped/${f.name}`);
  const position = (e: DragEvent) => ({ x: e.clientX, y: e.clientY });
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (depth++ === 0) api.emitDragDrop({ type: 'enter', paths: names(e), position: position(e) });
  };
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    api.emitDragDrop({ type: 'over', position: position(e) });
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    if (--depth <= 0) {
      depth = 0;
      api.emitDragDrop({ type: 'leave' });
    }
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    api.emitDragDrop({ type: 'drop', paths: names(e), position: position(e) });
  };
  target.addEventListener('dragenter', enter);
  target.addEventListener('dragover', over);
  target.addEventListener('dragleave', leave);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragenter', enter);
    target.removeEventListener('dragover', over);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('drop', drop);
  };
}

/** The window's summary of an ingest, as the core's `IngestReport::summary` makes it (first 200 problems of each kind). */
export function summarize(r: IngestReport): IngestSummary {
  return {
    ingested: r.ingested.length,
    duplicates: r.duplicates.length,
    skipped: r.skipped.length,
    failed: r.failed.length,
    skipped_files: r.skipped.slice(0, 200),
    failed_files: r.failed.slice(0, 200),
    first_ingested: r.ingested[0]?.id ?? null,
    version_offers: r.version_offers.slice(0, 200),
    seconds: r.seconds,
    bytes: r.bytes,
    cancelled: r.cancelled,
  };
}
