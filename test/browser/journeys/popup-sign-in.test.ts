import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PostLogin } from '../../../src/index.js';
import '../../../src/index.js';
import { ACCOUNTS, assertAccessible, clearStorage, FIXTURE_URL, fixtureConfig, part, visibleText, waitFor } from '../support.js';

/**
 * The popup flow runs in the test page itself (it never navigates away); the popup lands on the fixture page, which
 * hands the response back over a BroadcastChannel and closes.
 */
describe('sign-in with SwissID in a popup, against the real provider', () => {
  let element: PostLogin;
  const seen: Event[] = [];

  beforeEach(async () => {
    await clearStorage();
    seen.length = 0;
    const config = await fixtureConfig({ flow: 'popup', 'redirect-uri': FIXTURE_URL });
    // The popup's landing page (the fixture) needs the same provider and client to hand the response over.
    sessionStorage.setItem('fixture:config', JSON.stringify(config));
    element = document.createElement('post-login');
    for (const [name, value] of Object.entries(config)) element.setAttribute(name, value);
    for (const type of ['post-login-sign-in', 'post-login-error']) element.addEventListener(type, (event) => seen.push(event));
    document.body.append(element);
    await waitFor(() => part(element, 'sign-in-button'), 'the mask');
  });

  afterEach(async () => {
    element.remove();
    await executeServerCommand('close-popups');
  });

  // First in the file: a real click earlier in the page would leave a user activation that lets a popup through.
  it('a popup the browser blocks (no click) ends in a clear message at once', async () => {
    const started = Date.now();
    await element.signIn(); // called from script, without a user gesture: Chromium's popup blocker refuses it
    await waitFor(() => seen.some((event) => event.type === 'post-login-error'), 'the error', 5_000);
    expect(Date.now() - started).to.be.below(5_000);
    expect((seen[0] as Event & { code: string }).code).to.equal('popup_blocked');
    expect(part(element, 'message')!.textContent).to.contain('Ihr Browser hat das SwissID-Fenster blockiert');
    expect(element.status).to.equal('signed-out');
    await assertAccessible(element);
  });

  it('signs in without leaving the page; the popup closes', async () => {
    await executeServerCommand('real-click', { selector: 'post-login >> [part~="sign-in-button"]' });
    await waitFor(() => element.status === 'signing-in', 'signing in');
    expect(visibleText(element)).to.contain('Schliessen Sie die Anmeldung im SwissID-Fenster ab.');
    const login = (await executeServerCommand('provider-sign-in', { ...ACCOUNTS.lea, where: 'popup' })) as { alert: string | null };
    expect(login.alert).to.equal(null);
    await waitFor(() => element.status === 'signed-in' && part(element, 'user-button'), 'signed in');
    expect(visibleText(element)).to.contain('Lea Rossi');
    const signIn = seen.find((event) => event.type === 'post-login-sign-in') as Event & { via: string; profile: object };
    expect(signIn.via).to.equal('popup');
    expect(signIn.profile).to.include({ accountType: 'business', role: 'user', company: 'Keller Logistik AG' });
    const token = await element.getAccessToken();
    expect(JSON.stringify(seen.map((event) => ({ ...event })))).not.to.contain(token);
    expect(location.search).not.to.contain('code=');
    await assertAccessible(element);
  });

  it('a popup the customer closes ends in a clear message within seconds, never a hang', async () => {
    await executeServerCommand('real-click', { selector: 'post-login >> [part~="sign-in-button"]' });
    await waitFor(() => element.status === 'signing-in', 'signing in');
    await executeServerCommand('popup-close');
    const closedAt = Date.now();
    await waitFor(() => seen.some((event) => event.type === 'post-login-error'), 'the error', 5_000);
    expect(Date.now() - closedAt).to.be.below(5_000);
    expect((seen[0] as Event & { code: string }).code).to.equal('popup_closed');
    expect(visibleText(element)).to.contain('Das SwissID-Fenster wurde geschlossen');
    expect(element.status).to.equal('signed-out');
    // The retry button starts a new popup sign-in.
    expect(part(element, 'retry-button')).to.exist;
  });

  it('a popup that comes back with a state nobody asked for ends the wait at once, says so, and closes', async () => {
    // The provider's answer carries another state than the one this sign-in sent (tampered on the way).
    await executeServerCommand('backend-tamper', { authResponse: { state: 'forged-state' } });
    try {
      await executeServerCommand('real-click', { selector: 'post-login >> [part~="sign-in-button"]' });
      await waitFor(() => element.status === 'signing-in', 'signing in');
      await executeServerCommand('provider-sign-in', { ...ACCOUNTS.lea, where: 'popup' });
      // Not the five minutes the popup wait would take: the popup told this page, which says so and the host hears it.
      await waitFor(() => seen.some((event) => event.type === 'post-login-error'), 'the error');
    } finally {
      await executeServerCommand('backend-clear-tamper');
    }
    expect((seen[0] as Event & { code: string }).code).to.equal('response_invalid');
    expect(visibleText(element)).to.contain('Die Antwort von SwissID konnte nicht überprüft werden');
    expect(element.status).to.equal('signed-out');
    // The popup closed itself (looked at every 100 ms until it is gone, or the test's time runs out).
    while ((await executeServerCommand('open-popups')) !== 0) await new Promise((resolve) => setTimeout(resolve, 100));
    await assertAccessible(element);
  });
});
