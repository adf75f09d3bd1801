import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Run from the repo root (`npm run dev|build|test`); the UI lives in ui/, the build goes to dist/ for Tauri.
const root = fileURLToPath(new URL('.', import.meta.url));
const host = process.env.TAURI_DEV_HOST;

export default defineConfig({
  root,
  plugins: [svelte(), svelteTesting()],
  // Tauri: keep its CLI output visible, and a fixed port it can find.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: host || false,
    hmr: host ? { protocol: 'ws', host, port: 1421 } : undefined,
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // The system webviews Tauri 2 runs in (WebView2 / WKWebView / WebKitGTK).
    target: process.env.TAURI_ENV_PLATFORM === 'windows' ? 'chrome105' : 'safari15',
    sourcemap: !!process.env.TAURI_ENV_DEBUG,
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // The 100,000-asset grid test takes ~1 s alone and over 5 s (vitest's default) on a 2-core machine that is also
    // building: a slow machine is not a failure.
    testTimeout: 30_000,
  },
});
