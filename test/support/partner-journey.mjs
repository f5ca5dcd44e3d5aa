import { driveProviderLogin } from './provider-driver.mjs';

/**
 * The partner-site journey: a new tab on the partner origin (another site, strict CSP with Trusted Types), the one
 * script tag from /cdn/, a real redirect sign-in through the provider and back. Returns what the customer saw and
 * every CSP violation the browser reported (as events in the page and as reports to the server).
 */
export async function runPartnerJourney(testPage, backend, { email, password }) {
  const page = await testPage.context().newPage();
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
    const login = await driveProviderLogin(page, backend.urls.swissid, { email, password, where: 'self' });
    await page.waitForURL((url) => url.origin === backend.urls.partner, { timeout: 15_000 });
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
    return {
      name: name?.replace(/\s+/g, ' ').trim(),
      listbox,
      picker,
      loginLang: login.lang,
      url: page.url(),
      violations,
      reports: backend.cspReports.slice(reportsBefore),
      consoleErrors,
    };
  } finally {
    await page.close();
  }
}

/**
 * The mask's first paint on the partner page (French) while its language chunk is held back in front of the server,
 * as on a slow network: the mask must paint from the one script alone, and the help and the `ready` event must
 * follow once the chunk arrives. Returns what the page showed before and after the chunk was let through.
 */
export async function runFirstPaintJourney(testPage, backend) {
  // A context of its own: a first visit, with no session left on the partner origin by another journey.
  const context = await testPage.context().browser().newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const chunk = { requested: false, delivered: false };
  await page.route(/\/cdn\/chunks\/fr-[\w-]{8}\.js$/, async (route) => {
    chunk.requested = true;
    await held;
    await route.continue();
    chunk.delivered = true;
  });
  await page.addInitScript(() => {
    window.__readyEvents = 0;
    document.addEventListener('post-login-ready', () => window.__readyEvents++);
  });
  const mask = page.locator('post-login');
  const maskText = () => mask.evaluate((element) => element.shadowRoot.textContent.replace(/\s+/g, ' ').trim());
  const helpText = () => mask.locator('[part~="help"]').evaluate((help) => help.textContent.replace(/\s+/g, ' ').trim());
  try {
    await page.goto(`${backend.urls.partner}/`);
    await mask.locator('[part~="sign-in-button"]').waitFor({ timeout: 15_000 });
    for (let tries = 0; tries < 100 && !chunk.requested; tries++) await page.waitForTimeout(50);
    const before = {
      text: await maskText(),
      chunk: { ...chunk },
      readyEvents: await page.evaluate(() => window.__readyEvents),
    };
    await mask.locator('[part~="help-button"]').click();
    await mask.locator('[part~="help"]').waitFor({ state: 'visible' });
    before.help = await helpText();
    release();
    await page.waitForFunction(() => window.__readyEvents > 0, null, { timeout: 15_000 });
    await page.waitForFunction(
      () => document.querySelector('post-login').shadowRoot.querySelector('[part~="help"] h3') !== null,
      null,
      { timeout: 15_000 },
    );
    return { before, after: { help: await helpText(), chunk: { ...chunk } } };
  } finally {
    release();
    await context.close();
  }
}
