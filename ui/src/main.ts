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
  return api;
}

void createApi().then((api) => mount(App, { target: document.getElementById('app')!, props: { api } }));
