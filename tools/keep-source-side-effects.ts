import { fileURLToPath } from 'node:url';

/**
 * A Vite plugin: every module under src/ keeps its side effects (an entry registers its element when imported, even
 * when nothing uses its exports). package.json's `sideEffects` speaks of the built files only, since src/ is not
 * shipped, but Vite's resolver would apply it to src/ too; a transform's answer takes precedence. Used by the library
 * builds (vite.config.ts) and by Storybook (.storybook/main.ts).
 */
const sourceDir = fileURLToPath(new URL('../src/', import.meta.url));

export const keepSourceSideEffects = {
  name: 'keep-source-side-effects',
  transform: (code: string, id: string) => (id.startsWith(sourceDir) ? { code, map: null, moduleSideEffects: true } : null),
};
