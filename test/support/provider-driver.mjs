/**
 * Drives the SwissID stand-in's own login page with the test's playwright page, where a customer would type: in the
 * test page's iframe (redirect flow) or in the popup window (popup flow).
 */
const WAIT_MS = 15_000;

async function poll(find, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const isLoginPage = (url, swissid) => url.startsWith(`${swissid}/interaction/`);

export function findPopup(page, swissid) {
  return poll(
    () => page.context().pages().find((candidate) => candidate !== page && candidate.url().startsWith(swissid)),
    'the SwissID popup',
  );
}

/**
 * @param {{ email: string, password: string, where?: 'frame'|'popup'|'self', cancel?: boolean, consent?: 'allow'|'deny' }} payload
 *   `consent`: a partner's sign-in goes on to the provider's consent page, answered so
 * @returns {Promise<{ alert: string|null, lang: string|null, consent?: { text: string, lang: string } }>} the login
 *   page's language and any alert it showed; the consent page's text and language when it was answered
 */
export async function driveProviderLogin(page, swissid, { email, password, where = 'frame', cancel = false, consent }) {
  // 'frame': the login page in an iframe of the test page; 'popup': in the popup; 'self': the page itself.
  const target =
    where === 'popup'
      ? await findPopup(page, swissid)
      : await poll(
          () => page.frames().find((frame) => isLoginPage(frame.url(), swissid)),
          () => `the SwissID login page (frames: ${page.frames().map((frame) => frame.url()).join(', ')})`,
        );
  if (where === 'popup') await poll(() => isLoginPage(target.url(), swissid), 'the login page in the popup');
  await target.waitForSelector('#email');
  const lang = await target.evaluate(() => document.documentElement.lang);
  if (cancel) {
    await target.click('#cancel');
    return { alert: null, lang };
  }
  await target.fill('#email', email);
  await target.fill('#password', password);
  // Mark this document: the provider's answer is a new one (the login page again, or a redirect away).
  await target.evaluate(() => (window.__submitted = true));
  await target.click('button[type=submit]');
  // A wrong password keeps the customer on the login page with an alert; otherwise the provider redirects away.
  const alert = await poll(async () => {
    if (target.isClosed?.() || !isLoginPage(target.url(), swissid)) return { text: null };
    const answer = await target
      .evaluate(() =>
        window.__submitted ? null : { text: document.querySelector('[role=alert]')?.textContent?.trim() || null },
      )
      .catch(() => null);
    return answer;
  }, 'the provider to answer the login');
  if (!consent || alert.text) return { alert: alert.text, lang };
  // The consent page: a new document at the provider (the login page's marker is gone), with "allow" and "deny".
  await poll(
    () => target.evaluate(() => !window.__submitted && document.querySelector('#allow') !== null).catch(() => false),
    'the consent page',
  );
  const shown = await target.evaluate(() => ({
    text: document.querySelector('main').textContent.replace(/\s+/g, ' ').trim(),
    lang: document.documentElement.lang,
  }));
  await target.evaluate(() => (window.__submitted = true));
  await target.click(consent === 'allow' ? '#allow' : '#deny');
  return { alert: null, lang, consent: shown };
}
