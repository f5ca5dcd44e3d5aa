import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { keepSourceSideEffects } from './tools/keep-source-side-effects.js';

/**
 * Two builds:
 * - `vite build`: per-component ES modules for npm users, with lit, oidc-client-ts, @floating-ui/dom and jose left
 *   as dependencies (their bundler shares them with the rest of the site and minifies), and the React wrappers
 *   (`react.js`, with React and @lit/react left to the app).
 * - `vite build --mode cdn`: one self-registering ES module for partner sites, everything included and minified;
 *   the OIDC/JOSE code, the session logic, the popover positioning and each language are chunks it loads from next
 *   to itself when needed. It is built as an application entry, not in library mode: library mode keeps the white
 *   space of ES output, and its strict entry signature splits modules shared with lazy chunks into extra files that
 *   the first paint would wait for.
 */
const external = [/^lit(\/|$)/, /^@lit\//, /^oidc-client-ts$/, /^@floating-ui\//, /^jose$/];

/** The React entry (`post-login-widgets/react`) also leaves React and `@lit/react` to the app (`@lit/` above). */
const reactExternal = [/^react$/, /^react\/jsx-runtime$/];

/**
 * `post-login-widgets/vue` is types only: src/vue/index.d.ts (hand-written, since it augments 'vue', which this
 * repository does not install) goes to dist/types/vue/, next to the declarations tsc writes, and an empty module
 * answers the import at run time.
 */
const vueTypings = {
  name: 'vue-typings',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
    this.emitFile({ type: 'asset', fileName: 'types/vue/index.d.ts', source: readFileSync(new URL('src/vue/index.d.ts', import.meta.url), 'utf8') });
    this.emitFile({ type: 'asset', fileName: 'vue.js', source: '// post-login-widgets/vue is types only (types/vue/index.d.ts).\nexport {};\n' });
  },
};

/**
 * Vite wraps every dynamic import of an application build in a helper that preloads the chunk's CSS and module
 * dependencies (vitejs/vite#18551: also with `modulePreload: false`). The CDN build has no CSS and its chunks import
 * what they need themselves, so the helper would only add bytes to the entry and a promise hop before each import.
 */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const plainDynamicImports = {
  name: 'plain-dynamic-imports',
  enforce: 'pre' as const,
  resolveId: (id: string) => (id === PRELOAD_HELPER ? id : null),
  load: (id: string) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null),
  generateBundle(this: { error(message: string): never }, _options: unknown, bundle: Record<string, unknown>) {
    const css = Object.keys(bundle).filter((file) => file.endsWith('.css'));
    if (css.length) this.error(`${css.join(', ')}: a lazy chunk now has CSS, which the plain dynamic imports would not load`);
  },
};

/**
 * `integrity.json` next to the built files: the sha384 Subresource Integrity value of every JavaScript file, for the
 * partner's `<script integrity>` and for an import map that pins the chunks (README, "Partner sites").
 */
const integrityManifest = {
  name: 'integrity-manifest',
  writeBundle(options: { dir?: string }, bundle: Record<string, unknown>) {
    const dir = options.dir ?? '.';
    const files = Object.keys(bundle).filter((file) => file.endsWith('.js')).sort();
    const integrity = Object.fromEntries(
      files.map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`]),
    );
    writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
  },
};

/**
 * The partner bundle. `cdn`: the entry and its lazy chunks (the OIDC/JOSE code, the session logic, the popover
 * positioning, each language), so that the first paint loads the entry only. `cdn-single`: everything in one file,
 * for sites that want a single integrity value and no chunks.
 */
function partnerBuild(single: boolean) {
  return {
    // lit's html`` and css`` literals keep their white space unless minified (ours: lit's own files come minified).
    plugins: [plainDynamicImports, minifyTemplateLiterals({ include: 'src/**/*.ts' }), keepSourceSideEffects, integrityManifest],
    define: { __SPLIT_BUNDLE__: JSON.stringify(!single) },
    build: {
      target: 'es2022',
      outDir: single ? 'dist/cdn-single' : 'dist/cdn',
      emptyOutDir: true,
      minify: true,
      sourcemap: true,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: { 'post-login-widgets': 'src/cdn.ts' },
        preserveEntrySignatures: 'allow-extension' as const,
        output: {
          format: 'es' as const,
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          ...(single ? { codeSplitting: false } : {}),
        },
      },
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === 'cdn' || mode === 'cdn-single'
    ? partnerBuild(mode === 'cdn-single')
    : {
        define: { __SPLIT_BUNDLE__: 'true' },
        plugins: [vueTypings, keepSourceSideEffects],
        build: {
          target: 'es2022',
          outDir: 'dist',
          emptyOutDir: true,
          minify: false,
          sourcemap: true,
          lib: {
            entry: {
              index: 'src/index.ts',
              'post-login': 'src/post-login/index.ts',
              'swissid-link-banner': 'src/swissid-link-banner/index.ts',
              'address-picker': 'src/address-picker/index.ts',
              react: 'src/react/index.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: { external: [...external, ...reactExternal], output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
        },
      },
);
