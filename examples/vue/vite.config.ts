import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const customElements = ['post-login', 'swissid-link-banner', 'address-picker'];

export default defineConfig({
  // Vue's template compiler leaves these tags to the browser (custom elements), instead of resolving Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => customElements.includes(tag) } } })],
  base: './',
  server: { port: 5175, strictPort: true },
  build: { target: 'es2022' },
});
