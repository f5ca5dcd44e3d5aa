import { driveProviderLogin } from './provider-driver.mjs';

/**
 * The partner-site journey: a new tab on the partner origin (another site, strict CSP with Trusted Types), the one
 * script tag from /cdn/, a real redirect sign-in through the provider, its consent page answered with `consent`, and
 * back. Returns what the customer saw, every CSP violation the browser reported (as events in the page and as reports
 * to the server), and what the account API answered when the partner's own script tried to change an address with
 * the token the widget gives it.
 */
export async function runPartnerJourney(testPage, backend, { email, password, consent = 'allow' }) {
  // A context of its own: a first visit, with no session left on the partner origin or at SwissID by another journey.
  const context = await testPage.context().browser().newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    // Failed loads are listed with their address by the response listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  const reportsBefore = backend.cspReports.length;
  const watchViolations = () => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  };
  await page.addInitScript(watchViolations);
  try {
    await page.goto(`${backend.urls.partner}/`);
    await page.locator('post-login').locator('[part~="sign-in-button"]').click();
    const login = await driveProviderLogin(page, backend.urls.swissid, { email, password, where: 'self', consent });
    await page.waitForURL((url) => url.origin === backend.urls.partner, { timeout: 15_000 });
    if (consent === 'deny') {
      const message = page.locator('post-login').locator('[part~="message"]');
      await message.locator('p').first().waitFor({ timeout: 15_000 });
      return { consent: login.consent, message: (await message.textContent()).replace(/\s+/g, ' ').trim(), url: page.url() };
    }
    await page.locator('post-login').locator('[part~="user-button"]').waitFor({ timeout: 15_000 });
    const name = await page.locator('post-login').locator('[part~="user-button"]').textContent();
    // The address picker (registered lazily by the bundle) loads the customer's addresses; its list is positioned by
    // the lazily loaded floating-ui chunk, which sets inline styles through the CSSOM (allowed without 'unsafe-inline').
    const combobox = page.locator('address-picker').locator('[part~="combobox"]');
    await combobox.click({ timeout: 15_000 });
    await page.locator('address-picker').locator('[part~="listbox"]').waitFor({ state: 'visible' });
    const listbox = await page.locator('address-picker').locator('[part~="listbox"]').evaluate((list) => ({
      text: list.textContent.replace(/\s+/g, ' ').trim(),
      positioned: list.style.top !== '' && list.style.left !== '',
    }));
    await page.keyboard.press('Enter');
    const picker = await page.locator('address-picker').evaluate((element) => ({
      value: element.value,
      formValue: new FormData(element.closest('form')).get('address'),
      text: element.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
    }));
    const violations = await page.evaluate(() => window.__violations);
    const errorsBefore = [...consoleErrors];
    // The partner's own script, with the token the widget gives it, tries to change the chosen address.
    const write = await page.evaluate(async ({ api, id }) => {
      const login = document.querySelector('post-login');
      const url = `${api}/accounts/${encodeURIComponent(login.account.id)}/addresses/${id}`;
      const authorization = await login.getAuthorization('PUT', url);
      const response = await fetch(url, {
        method: 'PUT',
        headers: { ...authorization, 'Content-Type': 'application/json', 'If-Match': '"1"' },
        body: JSON.stringify({ name: 'Changed by the partner', street: 'Bahnhofstrasse', houseNumber: '1', postcode: '3000', locality: 'Bern', services: ['forwarding'] }),
      });
      return { status: response.status, challenge: response.headers.get('WWW-Authenticate'), body: await response.json() };
    }, { api: backend.urls.api, id: picker.value });
    return {
      consent: login.consent,
      write,
      name: name?.replace(/\s+/g, ' ').trim(),
      listbox,
      picker,
      loginLang: login.lang,
      url: page.url(),
      violations,
      reports: backend.cspReports.slice(reportsBefore),
      consoleErrors: errorsBefore,
    };
  } finally {
    await context.close();
  }
}

/** Runs in the page: counts `post-login-ready` events in `window.__readyEvents`. */
function countReadyEvents() {
  window.__readyEvents = 0;
  document.addEventListener('post-login-ready', () => window.__readyEvents++);
}

/** A page whose first paint is the mask alone, as the bench's. */
const MASK_ONLY_PAGE = (backend) => `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <title>Partner site</title>
    <script type="module" src="/cdn/post-login-widgets.js"></script>
  </head>
  <body>
    <post-login authority="${backend.urls.swissid}" client-id="partner-demo" api="${backend.urls.api}"></post-login>
  </body>
</html>
`;

/**
 * The mask's first paint on the partner page (French) while its language chunks are held back in front of the server,
 * as on a slow network. The page's idle callbacks never come (as on a busy page), so the chunk is asked for only when
 * the element needs more than the mask's own words: here, when the help opens. Then, in a second fresh tab with
 * nothing held back and the mask alone on the page, the chunk loads by itself once that paint has been shown and the
 * browser is idle. Returns what the customer saw at each step.
 */
export async function runFirstPaintJourney(testPage, backend) {
  const browser = testPage.context().browser();
  // Contexts of their own: first visits, with no session left on the partner origin by another journey.
  const context = await browser.newContext();
  const idleContext = await browser.newContext();
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  try {
    const page = await context.newPage();
    const chunk = { requested: false, delivered: false };
    // The French words and the French help: each its own chunk, both held back.
    await page.route(/\/cdn\/chunks\/(help\.)?fr-[\w-]{8}\.js$/, async (route) => {
      chunk.requested = true;
      await held;
      await route.continue();
      chunk.delivered = true;
    });
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.addInitScript(countReadyEvents);
    const mask = page.locator('post-login');
    const help = mask.locator('[part~="help"]');
    const helpState = async () => ({
      text: await help.evaluate((panel) => panel.textContent.replace(/\s+/g, ' ').trim()),
      busy: await help.getAttribute('aria-busy'),
    });
    await page.goto(`${backend.urls.partner}/`);
    await mask.locator('[part~="sign-in-button"]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(600); // longer than the element ever waits for an idle moment
    const painted = {
      text: await mask.evaluate((element) => element.shadowRoot.textContent.replace(/\s+/g, ' ').trim()),
      chunk: { ...chunk },
      readyEvents: await page.evaluate(() => window.__readyEvents),
    };
    await mask.locator('[part~="help-button"]').click();
    await help.waitFor({ state: 'visible' });
    for (let tries = 0; tries < 100 && !chunk.requested; tries++) await page.waitForTimeout(50);
    const helpOpened = { ...(await helpState()), chunk: { ...chunk } };
    release();
    await page.waitForFunction(() => window.__readyEvents > 0, null, { timeout: 15_000 });
    await help.locator('h3').first().waitFor({ timeout: 15_000 });
    const chunkArrived = { ...(await helpState()), chunk: { ...chunk } };

    // A page whose first paint is the mask (as the bench's): the lazy chunks must wait until it has been shown.
    const idlePage = await idleContext.newPage();
    await idlePage.addInitScript(countReadyEvents);
    await idlePage.route(`${backend.urls.partner}/mask-only.html`, (route) => route.fulfill({ contentType: 'text/html', body: MASK_ONLY_PAGE(backend) }));
    await idlePage.goto(`${backend.urls.partner}/mask-only.html`);
    await idlePage.waitForFunction(() => window.__readyEvents > 0, null, { timeout: 15_000 });
    await idlePage.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/login-sessions-')), null, { timeout: 15_000 });
    const idle = await idlePage.evaluate(() => {
      const lazy = performance.getEntriesByType('resource').filter((entry) => /\/chunks\/(fr|login-sessions)-[\w-]{8}\.js$/.test(entry.name));
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        chunkFetched: lazy.some((entry) => /\/fr-/.test(entry.name)),
        // Fetched and compiled while the first paint is still on its way, a chunk delays that paint.
        lazyChunksAfterFirstPaint: Boolean(paint) && lazy.length === 2 && lazy.every((entry) => entry.startTime >= paint.startTime),
        helpOpen: !document.querySelector('post-login').shadowRoot.querySelector('[part~="help"]').hidden,
      };
    });
    return { painted, helpOpened, chunkArrived, idle };
  } finally {
    release();
    await context.close();
    await idleContext.close();
  }
}

/**
 * The demo page and the partner page as a visitor opens them, each in a fresh context: what the browser reported
 * (console errors, page errors, failed requests) and what the servers answered 404 (the favicon included, which the
 * browser asks for on its own), once each page has shown its login mask and the network is quiet.
 */
export async function runDemoPagesCheck(testPage, backend) {
  const browser = testPage.context().browser();
  const found = {};
  for (const [site, url] of [['demo', backend.urls.demo], ['partner', backend.urls.partner]]) {
    const context = await browser.newContext();
    const problems = [];
    const notFoundBefore = backend.notFound.length;
    try {
      const page = await context.newPage();
      page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
      page.on('pageerror', (error) => problems.push(`page error: ${error}`));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
      page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
      await page.goto(`${url}/`);
      await page.locator('post-login').first().locator('[part~="sign-in-button"]').waitFor({ timeout: 15_000 });
      // The browser asks for the icon after the page itself: quiet network means it has been answered.
      await page.waitForLoadState('networkidle');
      found[site] = { problems, notFound: backend.notFound.slice(notFoundBefore) };
    } finally {
      await context.close();
    }
  }
  return found;
}
