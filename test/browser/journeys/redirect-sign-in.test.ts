import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PostLogin } from '../../../src/index.js';
import {
  ACCOUNTS,
  AppFrame,
  assertAccessible,
  assertNoTokenLeak,
  issuedTokens,
  backendUrls,
  clearStorage,
  eventsOfType,
  fixtureConfig,
  forgetFreshSignIns,
  part,
  POST_LOGINS,
  signInWithRedirect,
  signOutInAnotherTab,
  storedSessions,
  visibleText,
  waitFor,
} from '../support.js';

describe('sign-in with SwissID by redirect, against the real provider', () => {
  let frame: AppFrame | null = null;
  beforeEach(clearStorage);
  afterEach(() => frame?.remove());

  it('signs in, shows who is signed in and leaves no code, state or token behind', async () => {
    const started = Date.now();
    frame = await AppFrame.open(await fixtureConfig());
    const login = await signInWithRedirect(frame);
    expect(login.alert).to.equal(null);
    expect(login.lang, 'the provider page speaks the mask language').to.equal('de');

    const element = await frame.waitForStatus('signed-in');
    await waitFor(() => part(element, 'user-button'), 'the user button');
    expect(visibleText(element)).to.contain('Anna Muster');
    const url = new URL(frame.href());
    expect([...url.searchParams.keys()]).to.deep.equal([]);

    const signIns = eventsOfType('post-login-sign-in');
    expect(signIns).to.have.length(1);
    expect(signIns[0].via).to.equal('redirect');
    expect(signIns[0].profile).to.include({ name: 'Anna Muster', email: ACCOUNTS.anna.email, accountType: 'private' });

    const token = await element.getAccessToken();
    expect(token).to.be.a('string').and.not.empty;
    const issued = await issuedTokens(started);
    expect(issued, 'the code, the access and the refresh token').to.include(token).and.have.length.of.at.least(3);
    assertNoTokenLeak(frame, issued);
    expect(storedSessions(frame)).to.have.length(1);
  });

  it('shows the account from the Post account API in the user menu, axe-clean, usable by keyboard', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, ACCOUNTS.marc);
    const element = await frame.waitForStatus('signed-in');
    const button = await waitFor(() => part(element, 'user-button'), 'the user button');
    await assertAccessible(element);

    button.click();
    const menu = part(element, 'user-menu')!;
    await waitFor(() => !menu.hidden && element.shadowRoot!.activeElement === menu, 'the menu to open with focus');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const text = menu.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('marc.keller@example.ch');
    // The one account he acts for: the company, with his role there.
    expect(text).to.contain('Keller Logistik AG · Superadministrator');
    expect(text).to.contain('SwissID');
    await assertAccessible(element);

    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => menu.hidden, 'Escape to close the menu');
    expect(element.shadowRoot!.activeElement).to.equal(button);
  });

  it('keeps the session across a reload without asking the provider again', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame);
    await frame.waitForStatus('signed-in');
    const reloaded = await frame.reload();
    expect(reloaded.status).to.equal('signed-in');
    expect(visibleText(reloaded)).to.contain('Anna Muster');
    const ready = eventsOfType('post-login-ready');
    expect(ready.at(-1)!.profile).to.include({ name: 'Anna Muster' });
  });

  it('passes the language to the provider: French mask, French login page', async () => {
    frame = await AppFrame.open(await fixtureConfig({ lang: 'fr' }));
    const element = await frame.ready();
    expect(visibleText(element)).to.contain('Se connecter avec SwissID');
    const login = await signInWithRedirect(frame);
    expect(login.lang).to.equal('fr');
    await frame.waitForStatus('signed-in');
  });

  it('logs out at the provider and in every tab; the next sign-in asks for the password again', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame);
    await frame.waitForStatus('signed-in');
    const otherTab = await AppFrame.open(await fixtureConfig(), { clearEvents: false });
    await otherTab.waitForStatus('signed-in');

    const element = frame.element();
    part(element, 'user-button')!.click();
    await waitFor(() => !part(element, 'user-menu')!.hidden, 'the menu');
    const signedInPage = frame.iframe.contentDocument;
    part(element, 'sign-out-button')!.click();
    await waitFor(() => visibleText(element).includes('Sie werden abgemeldet'), 'the logout progress');

    await otherTab.waitForStatus('signed-out');
    expect(visibleText(otherTab.element())).to.contain('Sie wurden abgemeldet.');
    const afterLogout = await waitFor(
      () =>
        frame!.iframe.contentDocument !== signedInPage &&
        frame!.href().startsWith(location.origin) &&
        frame!.element().status === 'signed-out' &&
        frame!.element(),
      'the provider to send the customer back',
    );
    expect(visibleText(afterLogout)).to.contain('Login mit SwissID');
    expect(storedSessions(frame)).to.deep.equal([]);
    const reasons = eventsOfType('post-login-sign-out').map((event) => event.reason);
    expect(reasons).to.include('user');
    expect(reasons).to.include('other-tab');
    otherTab.remove();

    // The provider's session ended too: signing in again shows the login page (whatever this device remembers).
    forgetFreshSignIns(frame);
    const again = await signInWithRedirect(frame);
    expect(again.alert).to.equal(null);
    await frame.waitForStatus('signed-in');
  });

  it('a logout while the provider is unreachable: signed out on this device, told so, and the next sign-in asks for the password', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame);
    await frame.waitForStatus('signed-in');
    await frame.reload(); // a page that has not asked the provider anything yet
    await executeServerCommand('provider-unreachable', { on: true });
    try {
      const page = frame.iframe.contentDocument;
      part(frame.element(), 'user-button')!.click();
      await waitFor(() => !part(frame!.element(), 'user-menu')!.hidden, 'the menu');
      part(frame.element(), 'sign-out-button')!.click();
      const element = await waitFor(() => visibleText(frame!.element()).includes('beim Login-Dienst aber nicht') && frame!.element(), 'the notice');
      expect(frame.iframe.contentDocument, 'the page stays').to.equal(page);
      expect(element.status).to.equal('signed-out');
      expect(part(element, 'message')!.textContent).to.contain('Nutzen andere diesen Computer, schliessen Sie den Browser');
      expect(visibleText(element)).not.to.contain('Sie werden abgemeldet');
      expect(element.shadowRoot!.activeElement, 'the keyboard goes on from the mask').to.equal(part(element, 'sign-in-button'));
      expect(storedSessions(frame)).to.deep.equal([]);
      expect(eventsOfType('post-login-sign-out').map((event) => event.reason)).to.deep.equal(['user']);
      await assertAccessible(element);
    } finally {
      await executeServerCommand('provider-unreachable', { on: false });
    }
    // The provider still holds Anna's session, but the next sign-in on this device asks for the password again.
    const again = await signInWithRedirect(frame);
    expect(again.alert).to.equal(null);
    await frame.waitForStatus('signed-in');
  });

  it('a logout while the provider does not answer gives up after 10 s: signed out on this device, told so', async function () {
    this.timeout(60_000); // the element waits 10 s for the provider
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame);
    await frame.waitForStatus('signed-in');
    await frame.reload(); // a page that has not asked the provider anything yet
    await executeServerCommand('provider-unreachable', { on: true, hang: true });
    try {
      const page = frame.iframe.contentDocument;
      void frame.element().signOut();
      await waitFor(() => visibleText(frame!.element()).includes('Sie werden abgemeldet'), 'the logout');
      const element = await waitFor(() => visibleText(frame!.element()).includes('beim Login-Dienst aber nicht') && frame!.element(), 'the notice', 20_000);
      expect(frame.iframe.contentDocument, 'the page stays').to.equal(page);
      expect(visibleText(element)).not.to.contain('Sie werden abgemeldet');
      expect(storedSessions(frame)).to.deep.equal([]);
    } finally {
      await executeServerCommand('provider-unreachable', { on: false });
    }
  });

  it('a logout trip that never arrives (the provider logout page does not answer): the mask comes back and says so, and the next sign-in asks for the password', async function () {
    this.timeout(60_000); // the element waits 15 s before it gives up on the trip
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame);
    await frame.waitForStatus('signed-in'); // this page has the provider's configuration: the logout leaves at once
    await executeServerCommand('provider-unreachable', { on: true, hang: true });
    try {
      void frame.element().signOut();
      await waitFor(() => visibleText(frame!.element()).includes('Sie werden abgemeldet'), 'the logout');
      const element = frame.element();
      expect(part(element, 'sign-in-button')!.getAttribute('aria-disabled'), 'the buttons wait while the browser leaves').to.equal('true');
      await waitFor(() => part(element, 'sign-in-button')!.getAttribute('aria-disabled') === 'false', 'the mask to come back', 25_000);
      await waitFor(() => part(element, 'message')!.textContent!.includes('beim Login-Dienst aber nicht'), 'the notice');
      expect(visibleText(element)).not.to.contain('Sie werden abgemeldet');
      expect(element.status).to.equal('signed-out');
      expect(storedSessions(frame)).to.deep.equal([]);
      // The customer moves on: the navigation to the provider, still waiting for an answer, is given up.
      expect((await frame.reload()).status).to.equal('signed-out');
    } finally {
      await executeServerCommand('provider-unreachable', { on: false });
    }
    // The provider still holds Anna's session; the next sign-in asks for the password all the same.
    const again = await signInWithRedirect(frame);
    expect(again.alert).to.equal(null);
    await frame.waitForStatus('signed-in');
  });

  it('sign-in code that cannot load (offline since the page was shown): the customer is told, and trying again once online works', async () => {
    await executeServerCommand('session-module-unreachable', { on: true });
    try {
      frame = await AppFrame.open(await fixtureConfig());
      const element = frame.element();
      await waitFor(() => eventsOfType('post-login-ready').length === 1, 'the ready event');
      part(element, 'sign-in-button')!.click();
      await waitFor(() => part(element, 'message')!.textContent!.includes('SwissID ist im Moment nicht erreichbar'), 'the error');
      expect(eventsOfType('post-login-error').map((event) => event.code)).to.deep.equal(['provider_unreachable']);
      expect(element.status).to.equal('signed-out');
      expect(part(element, 'retry-button'), 'a way to try again').to.exist;
      expect(frame.href(), 'the page stays').not.to.contain('code=');
      await assertAccessible(element);
    } finally {
      await executeServerCommand('session-module-unreachable', { on: false });
    }
    // Back online, "try again" on the same page loads the code and signs in.
    part(frame.element(), 'retry-button')!.click();
    expect(((await executeServerCommand('provider-sign-in', ACCOUNTS.anna)) as { alert: string | null }).alert).to.equal(null);
    await frame.waitForStatus('signed-in');
  });

  /** Signed in with the older Post login, then with SwissID as well (a host that asks for it, say after linking). */
  async function signedInWithBoth(): Promise<AppFrame> {
    const both = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(both, POST_LOGINS.nina);
    await waitFor(() => both.element().profile?.login === 'post', 'signed in with the older login');
    void both.element().signIn('swissid');
    await executeServerCommand('provider-sign-in', ACCOUNTS.anna);
    await waitFor(() => storedSessions(both).length === 2 && both.element().profile?.login === 'swissid', 'both logins');
    return both;
  }

  /** Signs in again with the older login, then with SwissID, each on its provider's login page. */
  async function signInWithBothAgain(appFrame: AppFrame): Promise<void> {
    const olderAgain = await signInWithRedirect(appFrame, POST_LOGINS.nina);
    expect(olderAgain.alert).to.equal(null);
    await waitFor(() => appFrame.element().profile?.login === 'post', 'signed in with the older login again');
    void appFrame.element().signIn('swissid');
    const swissIdAgain = (await executeServerCommand('provider-sign-in', ACCOUNTS.anna)) as { alert: string | null };
    expect(swissIdAgain.alert).to.equal(null);
    await waitFor(() => appFrame.element().profile?.login === 'swissid', 'signed in with SwissID again');
  }

  /** Counts the frame's page loads back on the test origin (each return from a provider is one). */
  function countReturns(appFrame: AppFrame): () => number {
    let returns = 0;
    appFrame.iframe.addEventListener('load', () => {
      if (appFrame.iframe.contentDocument) returns += 1; // null while a provider's page (another origin) is shown
    });
    return () => returns;
  }

  /**
   * The customer back on the page after `trips` provider logouts, nothing more pending. Each provider logout is a full
   * round trip of page loads: on a busy machine it may take a while, so the wait grows with the number of trips.
   */
  async function backAfterLogouts(appFrame: AppFrame, returns: () => number, trips: number): Promise<PostLogin> {
    return waitFor(
      () =>
        returns() === trips &&
        appFrame.iframe.contentDocument?.readyState === 'complete' &&
        appFrame.element().status === 'signed-out' &&
        !Object.keys(appFrame.window.sessionStorage).some((key) => key.startsWith('post-login:logout-due:')) &&
        appFrame.element(),
      () => {
        // What the page looked like when the wait ran out, to tell a slow machine from a logout that went wrong.
        let seen = 'the provider’s page';
        try {
          const masks = [...appFrame.iframe.contentDocument!.querySelectorAll('post-login')];
          const pending = Object.keys(appFrame.window.sessionStorage).filter((key) => key.startsWith('post-login:logout-'));
          const said = masks.map((mask) => `status ${mask.status}, says "${visibleText(mask)}"`).join('; ');
          seen = `pending ${JSON.stringify(pending)}, ${masks.length} mask(s): ${said}`;
        } catch {
          /* on the provider's origin right now */
        }
        return `${trips} provider logout(s) and back (returns: ${returns()}, ${seen})`;
      },
      15_000 + trips * 10_000,
    );
  }

  it('a logout also ends the older Post login when the customer is signed in with both', async function () {
    this.timeout(90_000); // several provider logouts, each a round trip of page loads
    frame = await signedInWithBoth();
    const returns = countReturns(frame);
    void frame.element().signOut();
    // SwissID's logout, back on the page, the older login's logout (one provider per trip), back on the page.
    await backAfterLogouts(frame, returns, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(returns(), 'no third trip').to.equal(2);
    expect(visibleText(frame.element())).not.to.contain('Login-Dienst');
    expect(storedSessions(frame), 'nobody stays signed in on this device').to.deep.equal([]);
    expect(eventsOfType('post-login-sign-out').map((event) => event.reason), 'one sign-out for the host').to.deep.equal(['user']);
    const reloaded = await frame.reload();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloaded.status).to.equal('signed-out');

    // Both providers' own sessions ended: each asks for the password again (a shared computer stays safe).
    forgetFreshSignIns(frame);
    await signInWithBothAgain(frame);
  });

  it('a due logout of the older login is done on the way back, but not when it is left over from long ago', async function () {
    this.timeout(90_000); // several provider logouts, each a round trip of page loads
    const { postLogin } = await backendUrls();
    const dueKey = `post-login:logout-due:post-login:session:${postLogin}|post-login-test`;
    frame = await AppFrame.open(await fixtureConfig());
    const returns = countReturns(frame);
    // Left over from a trip interrupted eleven minutes ago: dropped, the page stays.
    frame.window.sessionStorage.setItem(dueKey, String(Date.now() - 11 * 60 * 1000));
    await frame.reload();
    await waitFor(() => !frame!.window.sessionStorage.getItem(dueKey), 'the stale entry dropped');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(returns(), 'no trip').to.equal(1); // the reload itself

    // Due from a moment ago: off to the older login's provider and back.
    frame.window.sessionStorage.setItem(dueKey, String(Date.now()));
    await frame.reload();
    await backAfterLogouts(frame, returns, 3);
    expect(frame.window.sessionStorage.getItem(dueKey)).to.equal(null);
  });

  it('two masks on the page of the way back: the due logout makes one trip, not a loop', async function () {
    this.timeout(90_000); // several provider logouts, each a round trip of page loads
    const { postLogin } = await backendUrls();
    const dueKey = `post-login:logout-due:post-login:session:${postLogin}|post-login-test`;
    sessionStorage.setItem('fixture:second-login', '1');
    frame = await AppFrame.open(await fixtureConfig());
    expect(frame.iframe.contentDocument!.querySelectorAll('post-login')).to.have.length(2);
    const returns = countReturns(frame);
    frame.window.sessionStorage.setItem(dueKey, String(Date.now()));
    await frame.reload(); // return 1: both masks find the older login's logout due
    await backAfterLogouts(frame, returns, 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(returns(), 'no second trip').to.equal(2);
    expect(frame.window.sessionStorage.getItem(dueKey)).to.equal(null);
  });

  it('signed in with both, SwissID unreachable at logout: the older login still ends at its provider, and the page says so', async () => {
    frame = await signedInWithBoth();
    await frame.reload(); // a page that has not asked the providers anything yet
    await executeServerCommand('provider-unreachable', { on: true });
    try {
      const returns = countReturns(frame);
      part(frame.element(), 'user-button')!.click();
      await waitFor(() => !part(frame!.element(), 'user-menu')!.hidden, 'the menu');
      part(frame.element(), 'sign-out-button')!.click();
      // SwissID cannot be reached: straight on to the older login's logout, and back.
      const element = await backAfterLogouts(frame, returns, 1);
      await waitFor(() => part(element, 'message')!.textContent!.includes('beim Login-Dienst aber nicht'), 'the notice');
      expect(storedSessions(frame)).to.deep.equal([]);
      await assertAccessible(element);
    } finally {
      await executeServerCommand('provider-unreachable', { on: false });
    }
    // The older login's provider session ended; SwissID's did not, but the next SwissID sign-in asks for the password.
    forgetFreshSignIns(frame, (await backendUrls()).postLogin);
    await signInWithBothAgain(frame);
  });

  it('signed in with both, the shown SwissID login ended in another tab: the host hears it, the older login shows', async () => {
    frame = await signedInWithBoth();
    signOutInAnotherTab((await backendUrls()).swissid);
    await waitFor(() => frame!.element().profile?.login === 'post', 'the older login shown');
    expect(eventsOfType('post-login-sign-out').map((event) => event.reason)).to.deep.equal(['other-tab']);
    expect(storedSessions(frame)).to.have.length(1);
  });

  it('signs in even when the account API is down, says so and offers a retry', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await executeServerCommand('provider-unreachable', { provider: 'api', on: true });
    let element: PostLogin;
    try {
      await signInWithRedirect(frame);
      element = await frame.waitForStatus('signed-in');
    } finally {
      await executeServerCommand('provider-unreachable', { provider: 'api', on: false });
    }
    expect(eventsOfType('post-login-error').map((event) => event.code)).to.deep.equal(['account_unavailable']);
    expect(eventsOfType('post-login-sign-in')[0].profile).to.include({ name: 'Anna Muster', accountType: null });
    part(element, 'user-button')!.click();
    const menu = part(element, 'user-menu')!;
    await waitFor(() => !menu.hidden, 'the menu');
    expect(menu.textContent).to.contain('Ihre Kontodaten konnten nicht geladen werden');
    expect(menu.querySelector('[part~="retry-button"]')).to.exist;
    await assertAccessible(element);
  });

  it('a wrong password is the provider’s business: the customer stays there with a clear alert', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    const result = await signInWithRedirect(frame, { ...ACCOUNTS.anna, password: 'wrong-password' });
    expect(result.alert).to.be.a('string').and.not.empty;
    const retry = (await executeServerCommand('provider-sign-in', ACCOUNTS.anna)) as { alert: string | null };
    expect(retry.alert).to.equal(null);
    await frame.waitForStatus('signed-in');
  });
});
