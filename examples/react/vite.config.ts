import { defineConfig } from 'vite';

// TSX with React's automatic runtime through vite's own transform: no @vitejs/plugin-react (and no Fast Refresh).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  base: './',
  server: { port: 5173, strictPort: true },
  build: { target: 'es2022' },
});
