// Svelte compiler options for vite-plugin-svelte and svelte-check. TypeScript in <script lang="ts"> needs no
// preprocessor with Svelte 5.
export default {
  compilerOptions: {
    runes: true,
  },
};
