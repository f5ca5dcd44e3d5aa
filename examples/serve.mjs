// `node examples/serve.mjs` (after `npm run build`): the reference backend of `npm start` (SwissID stand-in on :4001,
// account API on :4002, older Post login on :4003) with one more client, `post-login-example`, registered for the
// examples' pages: the plain HTML page, served here on http://localhost:5174/, the React app of
// `npx vite examples/react` on http://localhost:5173/ and the Vue app of `npx vite examples/vue` on
// http://localhost:5175/. Run it instead of `npm start` (same ports and database).
import { startReferenceBackend } from '../demo/server/index.mjs';
import { closeServer, listen } from '../demo/server/http-util.mjs';
import { createStaticSite, pageCsp } from '../demo/server/static-site.mjs';

const htmlPage = 'http://localhost:5174/';
const reactPage = 'http://localhost:5173/';
const vuePage = 'http://localhost:5175/';

const backend = await startReferenceBackend({
  demoPort: null,
  partnerPort: null,
  quiet: process.env.QUIET === '1',
  extraClients: [
    {
      client_id: 'post-login-example',
      client_name: 'post-login-widgets examples',
      firstParty: true,
      redirect_uris: [htmlPage, reactPage, vuePage],
      post_logout_redirect_uris: [htmlPage, reactPage, vuePage],
    },
  ],
});
const { urls } = backend;

// The plain HTML page with the partner bundle at /cdn/, under the demo's strict CSP.
const site = await listen('localhost', Number(new URL(htmlPage).port));
site.setHandler(
  createStaticSite({
    name: 'examples',
    rootDir: new URL('./html', import.meta.url).pathname,
    cdnDir: new URL('../dist/cdn', import.meta.url).pathname,
    csp: pageCsp({ swissidOrigin: urls.swissid, apiOrigin: urls.api, postLoginOrigin: urls.postLogin }),
    cspReports: [],
    quiet: process.env.QUIET === '1',
  }),
);

console.log(`
Examples' backend running
  Plain HTML page   ${htmlPage}
  React app         ${reactPage} (start it with: npx vite examples/react)
  Vue app           ${vuePage} (start it with: npx vite examples/vue)
  Sign in with anna.muster@example.ch / Anna-Demo-2026 (the README lists every demo account). Ctrl+C stops.
`);

const stop = async () => {
  await closeServer(site.server);
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
