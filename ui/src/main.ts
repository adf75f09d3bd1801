import { mount } from 'svelte';
import App from './App.svelte';
import type { LibraryApi } from './lib/api/api';
import './app.css';

async function createApi(): Promise<LibraryApi> {
  if (window.__TAURI_INTERNALS__) {
    const { createTauriApi } = await import('./lib/api/tauri');
    return createTauriApi();
  }
  // A plain browser (`npm run dev` without Tauri): an in-memory library. `?empty=1` starts empty, `?count=N` sets
  // its size, `?importStep=MS` slows the simulated imports down.
  const { createFakeApi, bridgeBrowserDragDrop } = await import('./lib/api/fake');
  const params = new URLSearchParams(location.search);
  const count = params.has('empty') ? 0 : Number(params.get('count') ?? 200) || 200;
  const importStep = Number(params.get('importStep') ?? 40) || 40;
  const api = createFakeApi({ count, latency: 30, importStep, changeDelay: 250 });
  bridgeBrowserDragDrop(api);
  if (!params.has('empty')) await seedDevFields(api);
  return api;
}

/** A few custom fields for the browser's fake library, so the inspector's field controls can be seen at once. */
async function seedDevFields(api: LibraryApi): Promise<void> {
  const field = (name: string, type: string, choices: string[] = [], required = false, kinds: string[] = []) =>
    api.defineField({ name, type, required, kinds, choices });
  await field('shoot_date', 'date', [], true, ['image', 'video']);
  await field('agency', 'choice', ['North', 'South', 'East']);
  await field('channels', 'choices', ['web', 'print', 'social']);
  await field('approved', 'bool');
  await api.addTemplate('Spring campaign', [
    { name: 'campaign', value: 'Spring 2027' },
    { name: 'licence', value: 'CC BY' },
  ]);
}

void createApi().then((api) => mount(App, { target: document.getElementById('app')!, props: { api } }));
