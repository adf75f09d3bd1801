import { getContext, setContext } from 'svelte';
import type { LibraryApi } from './api';

const KEY = Symbol('tessera.api');

export function setApi(api: LibraryApi): void {
  setContext(KEY, api);
}

export function getApi(): LibraryApi {
  const api = getContext<LibraryApi | undefined>(KEY);
  if (!api) throw new Error('LibraryApi missing from context: mount components under App or pass it in tests');
  return api;
}

/** The context map to mount a component with a given api (tests: `render(C, { props, context: apiContext(api) })`). */
export function apiContext(api: LibraryApi): Map<unknown, unknown> {
  return new Map([[KEY, api]]);
}
