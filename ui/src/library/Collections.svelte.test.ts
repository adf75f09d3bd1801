import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import type { Selection } from '../lib/api/types';
import { Notices, noticesContext } from '../shell/notices.svelte';
import Collections from './Collections.svelte';
import { ASSETS_MIME, collectionRows, decodeDrag, encodeDrag } from './collectionTree';

async function library() {
  const api = createFakeApi({ count: 12 });
  await api.collectionAdd('Spring 2027/Social', { kind: 'ids', ids: [1, 2] });
  await api.collectionAdd('Spring 2027', { kind: 'ids', ids: [3] });
  await api.collectionCreate('Archive');
  await api.smartAdd('Five stars', 'rating>=5');
  return api;
}

async function mount(api: ReturnType<typeof createFakeApi>, query = '') {
  const onquery = vi.fn();
  const notices = new Notices();
  const context = new Map([...apiContext(api), noticesContext(notices)]);
  render(Collections, { props: { query, onquery }, context });
  await screen.findByTestId('collections-section');
  await waitFor(() => expect(screen.queryByTestId('collection-Archive') ?? screen.queryByTestId('collections-empty')).toBeTruthy());
  return { onquery, notices };
}

const count = (path: string) => within(screen.getByTestId(`collection-${path}`)).getAllByTestId('collection-count')[0]!.textContent;
const item = (path: string) => within(screen.getByTestId(`collection-${path}`)).getAllByTestId('collection-item')[0]!;

function dataTransfer(selection: Selection) {
  return { types: [ASSETS_MIME], getData: (t: string) => (t === ASSETS_MIME ? encodeDrag(selection) : ''), dropEffect: 'none' };
}

async function dropOn(path: string, selection: Selection) {
  const row = screen.getByTestId(`collection-${path}`);
  await fireEvent.dragOver(row, { dataTransfer: dataTransfer(selection) });
  await fireEvent.drop(row, { dataTransfer: dataTransfer(selection) });
}

describe('collections in the sidebar', () => {
  beforeEach(() => localStorage.clear());

  it('renders the manual tree with counts and folds it (remembered)', async () => {
    const api = await library();
    await mount(api);
    const rows = within(screen.getByTestId('collection-tree')).getAllByRole('treeitem').map((r) => r.dataset.path);
    expect(rows).toEqual(['Archive', 'Spring 2027', 'Spring 2027/Social']);
    expect(count('Spring 2027/Social')).toBe('2');
    expect(count('Spring 2027')).toBe('1');
    expect(count('Archive')).toBe('0');
    await fireEvent.click(screen.getByRole('button', { name: 'Fold Spring 2027' }));
    expect(screen.queryByTestId('collection-Spring 2027/Social')).toBeNull();
    expect(JSON.parse(localStorage.getItem('tessera.collectionFolds')!)).toEqual(['spring 2027']);
  });

  it('a click searches the collection (with its sub-collections) or the smart one', async () => {
    const { onquery } = await mount(await library());
    await fireEvent.click(item('Spring 2027'));
    expect(onquery).toHaveBeenCalledWith('collection:"Spring 2027"');
    await fireEvent.click(item('Five stars'));
    expect(onquery).toHaveBeenCalledWith('smart:"Five stars"');
  });

  it('shows smart collections in their own group with their live counts', async () => {
    const api = await library();
    const fives = (await api.search({ query: 'rating>=5', sort: 'added', order: 'desc', limit: 100, cursor: null })).total;
    await mount(api);
    const smart = screen.getByTestId('smart-tree');
    expect(within(smart).getByTestId('collection-Five stars').dataset.kind).toBe('smart');
    expect(count('Five stars')).toBe(String(fives));
  });

  it('adds tiles dropped onto a collection, updates its count and offers Undo', async () => {
    const api = await library();
    const { notices } = await mount(api);
    await dropOn('Archive', { kind: 'ids', ids: [4, 5, 6] });
    await waitFor(() => expect(count('Archive')).toBe('3'));
    expect(api.calls).toContainEqual(['collectionAdd', 'Archive', { kind: 'ids', ids: [4, 5, 6] }]);
    const n = notices.list.find((x) => x.title.startsWith('Added'))!;
    expect(n.title).toBe('Added 3 assets to Archive');
    n.action!.run();
    await waitFor(() => expect(count('Archive')).toBe('0'));
  });

  it('adds a select-all selection as its query, less the exceptions', async () => {
    const api = await library();
    await mount(api);
    const all: Selection = { kind: 'query', query: '', except: [1] };
    await dropOn('Archive', all);
    await waitFor(() => expect(count('Archive')).toBe('11'));
    expect(api.calls).toContainEqual(['collectionAdd', 'Archive', all]);
  });

  it("refuses a drop onto a smart collection with the core's message", async () => {
    const api = await library();
    const { notices } = await mount(api);
    await dropOn('Five stars', { kind: 'ids', ids: [1] });
    await waitFor(() => expect(notices.list.some((x) => x.kind === 'error')).toBe(true));
    expect(notices.list.find((x) => x.kind === 'error')!.message).toContain('is a smart collection');
  });

  it('creates a collection, from the empty state too', async () => {
    const api = createFakeApi({ count: 3 });
    await mount(api);
    expect(screen.getByTestId('collections-empty')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('collection-empty-new'));
    await fireEvent.input(screen.getByTestId('collection-input'), { target: { value: 'Campaigns/Summer' } });
    await fireEvent.click(screen.getByTestId('collection-submit'));
    await screen.findByTestId('collection-Campaigns/Summer');
    expect(api.calls).toContainEqual(['collectionCreate', 'Campaigns/Summer']);
    await fireEvent.click(screen.getByTestId('collection-new'));
    await fireEvent.input(screen.getByTestId('collection-input'), { target: { value: 'Campaigns//x' } });
    await fireEvent.click(screen.getByTestId('collection-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('empty part');
  });

  it('saves the current search as a smart collection', async () => {
    const api = createFakeApi({ count: 3 });
    await mount(api, 'type:image');
    await fireEvent.click(screen.getByTestId('collection-new-smart'));
    await fireEvent.input(screen.getByTestId('collection-input'), { target: { value: 'Images' } });
    await fireEvent.click(screen.getByTestId('collection-submit'));
    await screen.findByTestId('collection-Images');
    expect(api.calls).toContainEqual(['smartAdd', 'Images', 'type:image']);
  });

  it('deletes a collection after saying how many assets it holds (they stay)', async () => {
    const api = await library();
    await mount(api);
    await fireEvent.click(within(screen.getByTestId('collection-Spring 2027/Social')).getByTestId('collection-menu'));
    await fireEvent.click(screen.getByTestId('collection-delete'));
    expect(screen.getByTestId('collection-form').textContent).toContain('It holds 2 assets; they stay in the library.');
    await fireEvent.click(screen.getByTestId('collection-submit'));
    await waitFor(() => expect(screen.queryByTestId('collection-Spring 2027/Social')).toBeNull());
    expect(api.calls).toContainEqual(['collectionDelete', 'Spring 2027/Social', true]);
    expect((await api.search({ query: '', sort: 'added', order: 'desc', limit: 100, cursor: null })).total).toBe(12);
  });

  it('renames (moves) a collection', async () => {
    const api = await library();
    await mount(api);
    await fireEvent.click(within(screen.getByTestId('collection-Archive')).getByTestId('collection-menu'));
    await fireEvent.click(screen.getByTestId('collection-rename'));
    await fireEvent.input(screen.getByTestId('collection-input'), { target: { value: 'Spring 2027/Archive' } });
    await fireEvent.click(screen.getByTestId('collection-submit'));
    await screen.findByTestId('collection-Spring 2027/Archive');
  });
});

describe('collection rows and drag data', () => {
  it('decodes only our selections', () => {
    expect(decodeDrag(encodeDrag({ kind: 'ids', ids: [1, 2] }))).toEqual({ kind: 'ids', ids: [1, 2] });
    expect(decodeDrag('nope')).toBeNull();
    expect(decodeDrag('{"kind":"x"}')).toBeNull();
    expect(collectionRows([], new Set(), 'manual')).toEqual([]);
  });
});
