import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

/**
 * Two builds:
 * - `vite build`: per-component ES modules for npm users, with lit, oidc-client-ts, @floating-ui/dom and jose left
 *   as dependencies (their bundler shares them with the rest of the site).
 * - `vite build --mode cdn`: one self-registering ES module for partner sites, everything included; the OIDC/JOSE
 *   code, the popover positioning and each language are separate chunks it loads from next to itself when needed.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    // lit's html`` and css`` literals keep their white space unless minified (about 2 KiB gzip on the first paint).
    plugins: cdn ? [minifyTemplateLiterals()] : [],
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: cdn,
      minify: cdn,
      sourcemap: true,
      lib: {
        entry: cdn ? { 'post-login-widgets': 'src/index.ts' } : { index: 'src/index.ts', 'post-login': 'src/post-login/index.ts' },
        formats: ['es'],
      },
      rolldownOptions: {
        external: cdn ? [] : [/^lit(\/|$)/, /^@lit\//, /^oidc-client-ts$/, /^@floating-ui\//, /^jose$/],
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
