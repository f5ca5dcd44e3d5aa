import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { SwissIdLinkBanner } from '../../../src/index.js';
import { DEMO_SWISSID_IDENTITIES } from '../../../demo/server/demo-data.mjs';
import {
  ACCOUNTS,
  AppFrame,
  assertAccessible,
  backendUrls,
  clearStorage,
  eventsOfType,
  fixtureConfig,
  NEW_SWISSIDS,
  part,
  POST_LOGINS,
  signInWithRedirect,
  signOutInAnotherTab,
  visibleText,
  waitFor,
} from '../support.js';

/**
 * Linking an older Post customer login to SwissID, against both real providers and the real API and database:
 * the customer signs in "as usual" with the older login, the banner explains and walks the steps, the SwissID
 * sign-in proves the SwissID, the API links, and the database shows it (or, when refused, shows nothing changed).
 */
function banner(frame: AppFrame): SwissIdLinkBanner {
  return frame.iframe.contentDocument!.querySelector('swissid-link-banner')!;
}

function bannerPart(frame: AppFrame, name: string): HTMLElement | null {
  return banner(frame).shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function bannerText(frame: AppFrame): string {
  return visibleText(banner(frame));
}

async function linkStatus(email: string): Promise<{ swissidSub: string | null; row: Record<string, unknown> }> {
  return (await executeServerCommand('backend-link-status', { email })) as never;
}

/** Signed in with the older login, the banner offering to link. */
async function offered(login: (typeof POST_LOGINS)[keyof typeof POST_LOGINS], bannerConfig: Record<string, string> = {}) {
  sessionStorage.setItem('fixture:banner-config', JSON.stringify(bannerConfig));
  const frame = await AppFrame.open(await fixtureConfig());
  await signInWithRedirect(frame, login);
  const element = await frame.waitForStatus('signed-in');
  expect(element.profile?.login).to.equal('post');
  await waitFor(() => bannerPart(frame, 'start-button'), 'the banner');
  return frame;
}

/** Starts linking and signs in to SwissID on its page; the frame comes back to the confirmation. */
async function proveSwissId(frame: AppFrame, swissid: { email: string; password: string }) {
  bannerPart(frame, 'start-button')!.click();
  await executeServerCommand('provider-sign-in', swissid);
  await waitFor(() => bannerPart(frame, 'confirm-button'), 'the confirmation step');
}

describe('<swissid-link-banner>: linking an older Post customer login to SwissID', () => {
  let frame: AppFrame | null = null;
  beforeEach(async () => {
    await clearStorage();
    frame = null;
  });
  afterEach(async () => {
    frame?.remove();
    await executeServerCommand('close-popups');
  });

  it('stays hidden for a customer signed in with SwissID', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, ACCOUNTS.anna);
    await frame.waitForStatus('signed-in');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(banner(frame).shadowRoot!.childElementCount).to.equal(0);
    expect(eventsOfType('swissid-link-banner-shown')).to.deep.equal([]);
  });

  it('stays hidden for an older login that is linked already', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, POST_LOGINS.sara);
    const element = await frame.waitForStatus('signed-in');
    expect(element.profile?.login).to.equal('post');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(banner(frame).shadowRoot!.childElementCount).to.equal(0);
    expect(eventsOfType('swissid-link-banner-shown')).to.deep.equal([]);
  });

  it('uses the <post-login> named by `for`, and none other', async () => {
    frame = await offered(POST_LOGINS.nina, { for: 'fixture-login' });
    frame.remove();
    await clearStorage();
    sessionStorage.setItem('fixture:banner-config', JSON.stringify({ for: 'another-login' }));
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, POST_LOGINS.nina);
    await frame.waitForStatus('signed-in');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(banner(frame).shadowRoot!.childElementCount).to.equal(0);
  });

  it('an invited customer links both accounts; SwissID then reaches them, each with its own e-mail', async () => {
    frame = await offered(POST_LOGINS.thomas);
    expect(bannerText(frame)).to.contain('Sie haben eine E-Mail mit der Einladung erhalten');
    expect(bannerText(frame)).to.contain('alle Ihre Konten, geschäftliche und private');
    expect(bannerText(frame)).to.contain('Ihre Daten zum Kundenlogin Post bleiben unverändert');
    expect(bannerText(frame)).to.contain('registrierte E-Mail-Adresse');
    expect(bannerText(frame)).to.contain('Contact Center');
    expect(eventsOfType('swissid-link-banner-shown')[0].invited).to.equal(true);
    await assertAccessible(banner(frame));
    const before = await linkStatus(POST_LOGINS.thomas.email);

    await proveSwissId(frame, NEW_SWISSIDS.nora);
    expect(bannerText(frame)).to.contain('Schritt 2 von 3');
    expect(bannerText(frame)).to.contain('new.swissid@example.ch');
    const accounts = bannerPart(frame, 'accounts')!.textContent!.replace(/\s+/g, ' ');
    expect(accounts).to.contain('Privatkonto: thomas.both@example.ch');
    expect(accounts).to.contain('Geschäftskonto: Both Treuhand GmbH, thomas@both-treuhand.ch');
    await assertAccessible(banner(frame));

    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => bannerText(frame!).includes('Ihre Konten sind verknüpft'), 'done');
    expect(bannerText(frame)).to.contain('Melden Sie sich ab jetzt mit SwissID an (new.swissid@example.ch)');
    expect(eventsOfType('swissid-link-banner-linked')[0].accounts).to.equal(2);
    const after = await linkStatus(POST_LOGINS.thomas.email);
    expect(after.swissidSub).to.be.a('string');
    // The older login's own data did not change: only the link columns did.
    const withoutLink = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'swissid_sub' && column !== 'linked_at'));
    expect(withoutLink(after.row)).to.deep.equal(withoutLink(before.row));
    expect(JSON.stringify(eventsOfType('swissid-link-banner-linked'))).not.to.match(/eyJ/);
    await assertAccessible(banner(frame));

    // From now on: SwissID. Signed in with it, the account API lists both accounts with their own e-mails.
    frame.remove();
    await clearStorage();
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, NEW_SWISSIDS.nora);
    const element = await frame.waitForStatus('signed-in');
    expect(element.profile?.login).to.equal('swissid');
    const meUrl = `${(await backendUrls()).api}/me`;
    const me = await fetch(meUrl, { headers: await element.getAuthorization('GET', meUrl) }).then((response) => response.json());
    const emails = (me.accounts as Array<{ email: string }>).map((account) => account.email);
    expect(emails).to.include.members(['thomas.both@example.ch', 'thomas@both-treuhand.ch']);
    expect(banner(frame).shadowRoot!.childElementCount).to.equal(0);
  });

  it('linking ends what it opened: after a logout, the next SwissID sign-in on this computer asks for the password', async function () {
    this.timeout(60_000);
    frame = await offered(POST_LOGINS.peter);
    try {
      // The proof signs in to SwissID on this computer: the provider keeps that session (its cookie).
      await proveSwissId(frame, NEW_SWISSIDS.felix);
      bannerPart(frame, 'confirm-button')!.click();
      await waitFor(() => bannerText(frame!).includes('Ihre Konten sind verknüpft'), 'done');
      const element = frame.element();
      const old = frame.iframe.contentDocument;
      void element.signOut();
      // Back from the provider's logout: a new page (the one that left shows "signed out" too, before it leaves).
      await waitFor(
        () =>
          frame!.iframe.contentDocument !== old &&
          frame!.iframe.contentDocument?.readyState === 'complete' &&
          frame!.element().status === 'signed-out' &&
          frame!.element().shadowRoot!.querySelector('[part~="sign-in-button"]'),
        'back, signed out',
      );
      // The proof recorded a fresh sign-in for SwissID, and the logout kept it.
      const { swissid } = await backendUrls();
      const fresh = Object.keys(frame.window.localStorage).filter((key) => key.startsWith(`post-login:fresh-sign-in:post-login:session:${swissid}`));
      expect(fresh, 'a fresh SwissID sign-in recorded').to.have.length(1);
      // "Login mit SwissID": SwissID shows its login page again (the driver fills it in; without it, single sign-on
      // would have signed in as that SwissID without a password, and the driver would find no login page).
      part(frame.element(), 'sign-in-button')!.click();
      const signIn = (await executeServerCommand('provider-sign-in', NEW_SWISSIDS.felix)) as { alert: string | null };
      expect(signIn.alert).to.equal(null);
      const signedIn = await frame.waitForStatus('signed-in');
      expect(signedIn.profile?.login).to.equal('swissid');
    } finally {
      await executeServerCommand('backend-unlink', { email: POST_LOGINS.peter.email });
    }
  });

  it('a customer without invitation: "Later" hides the banner until the time is up, then linking works', async () => {
    frame = await offered(POST_LOGINS.nina, { 'remind-after-days': String(3 / 86_400) }); // three seconds
    expect(bannerText(frame)).to.contain('auch ohne Einladung');
    expect(eventsOfType('swissid-link-banner-shown')[0].invited).to.equal(false);
    bannerPart(frame, 'later-button')!.click();
    await waitFor(() => banner(frame!).shadowRoot!.childElementCount === 0, 'hidden');
    const dismissed = eventsOfType('swissid-link-banner-dismissed')[0];
    expect(new Date(dismissed.until as string).getTime()).to.be.greaterThan(Date.now());

    await frame.reload();
    await frame.waitForStatus('signed-in');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(banner(frame).shadowRoot!.childElementCount, 'still hidden after a reload').to.equal(0);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await frame.reload();
    await waitFor(() => bannerPart(frame!, 'start-button'), 'the banner back after the time is up');

    await proveSwissId(frame, NEW_SWISSIDS.felix);
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => bannerText(frame!).includes('Ihre Konten sind verknüpft'), 'done');
    expect((await linkStatus(POST_LOGINS.nina.email)).swissidSub).to.be.a('string');

    // Signed in with that SwissID, the account API lists Nina's account with its own e-mail.
    frame.remove();
    await clearStorage();
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, NEW_SWISSIDS.felix);
    const element = await frame.waitForStatus('signed-in');
    const meUrl = `${(await backendUrls()).api}/me`;
    const me = await fetch(meUrl, { headers: await element.getAuthorization('GET', meUrl) }).then((response) => response.json());
    expect((me.accounts as Array<{ email: string }>).map((account) => account.email)).to.include(POST_LOGINS.nina.email);
  });

  it('a cancelled SwissID sign-in links nothing and offers to start again (by keyboard, focus follows)', async () => {
    frame = await offered(POST_LOGINS.peter);
    bannerPart(frame, 'start-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await executeServerCommand('provider-sign-in', { ...NEW_SWISSIDS.nora, cancel: true });
    await waitFor(() => eventsOfType('swissid-link-banner-error').length > 0, 'the error');
    // Focus moved to the message, so a screen reader reads it and the keyboard goes on from there.
    await waitFor(() => banner(frame!).shadowRoot!.activeElement?.textContent?.includes('abgebrochen'), 'focus on the message');
    expect(eventsOfType('swissid-link-banner-error')[0].code).to.equal('cancelled');
    expect(bannerText(frame)).to.contain('wurde abgebrochen; es wurde nichts verknüpft');
    expect(bannerPart(frame, 'retry-button')).to.exist;
    expect(frame.element().status, 'still signed in with the older login').to.equal('signed-in');
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub).to.equal(null);
  });

  it('a session that expired mid-way links nothing and says to log in again (SwissID in a popup)', async () => {
    frame = await offered(POST_LOGINS.peter, { flow: 'popup' });
    await executeServerCommand('real-click', { selector: 'swissid-link-banner >> [part~="start-button"]', inFrame: true });
    await executeServerCommand('provider-sign-in', { ...ACCOUNTS.anna, where: 'popup' });
    await waitFor(() => bannerPart(frame!, 'confirm-button'), 'the confirmation step');
    expect(frame.element().status, 'the page stayed, signed in with the older login').to.equal('signed-in');
    await executeServerCommand('backend-end-post-login-sessions');
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => eventsOfType('swissid-link-banner-error').length > 0, 'the error');
    expect(eventsOfType('swissid-link-banner-error')[0].code).to.equal('session_expired');
    expect(bannerText(frame)).to.contain('Ihre Sitzung ist abgelaufen; es wurde nichts verknüpft');
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub).to.equal(null);
  });

  it('an unreachable backend links nothing and offers to try again', async () => {
    frame = await offered(POST_LOGINS.peter);
    await proveSwissId(frame, ACCOUNTS.anna);
    frame.element().setAttribute('api', 'http://localhost:4197/'); // nothing listens there
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => eventsOfType('swissid-link-banner-error').length > 0, 'the error');
    expect(eventsOfType('swissid-link-banner-error')[0].code).to.equal('unreachable');
    // Developers read what failed: the request never reached an API.
    expect((eventsOfType('swissid-link-banner-error')[0] as unknown as { diagnostic: string }).diagnostic).to.equal('HTTP network');
    expect(bannerText(frame)).to.contain('Die Verknüpfung ist im Moment nicht möglich');
    expect(bannerPart(frame, 'retry-button')).to.exist;
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub).to.equal(null);
  });

  // Last: it links Peter, whom the tests above need unlinked.
  it('links to a SwissID that already holds another older login: the done step lists the accounts of both', async () => {
    frame = await offered(POST_LOGINS.peter);
    const [saraSwissId] = DEMO_SWISSID_IDENTITIES; // linked to Sara's older Post login
    await proveSwissId(frame, { email: saraSwissId.email, password: saraSwissId.password });
    expect(bannerText(frame)).to.contain('sara.meier@example.ch');
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => bannerText(frame!).includes('Ihre Konten sind verknüpft'), 'done');
    const accounts = bannerPart(frame, 'accounts')!.textContent!.replace(/\s+/g, ' ');
    expect(accounts, 'Peter’s account').to.contain('peter.invited@example.ch');
    expect(accounts, 'Sara’s, linked before').to.contain('sara.post@example.ch');
    expect(eventsOfType('swissid-link-banner-error')).to.deep.equal([]);
    const [peter, sara] = [await linkStatus(POST_LOGINS.peter.email), await linkStatus(POST_LOGINS.sara.email)];
    expect(sara.swissidSub).to.equal(saraSwissId.id);
    expect(peter.swissidSub, 'both under the one SwissID').to.equal(saraSwissId.id);
    await assertAccessible(banner(frame));
  });
});

// Failures around the API's answer. Each test starts with Peter unlinked again, and links him to Marc's SwissID.
describe('<swissid-link-banner>: when the answer to the linking or the link status goes wrong', () => {
  let frame: AppFrame | null = null;
  beforeEach(async () => {
    await clearStorage();
    await executeServerCommand('backend-unlink', { email: POST_LOGINS.peter.email });
    frame = null;
  });
  afterEach(async () => {
    frame?.remove();
    await executeServerCommand('api-clear-faults');
  });

  it('an answer lost after the API linked: the banner says linked, not "nothing was linked"', async () => {
    frame = await offered(POST_LOGINS.peter);
    await proveSwissId(frame, ACCOUNTS.marc);
    // Twice: Chromium may resend the POST whose answer was lost; the resend's answer is lost too, so the banner has
    // to find out from the link status.
    await executeServerCommand('api-fault', { method: 'POST', path: '/link', fault: 'drop-response', times: 2 });
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => bannerText(frame!).includes('Ihre Konten sind verknüpft'), 'done');
    expect(bannerText(frame)).to.contain('marc.keller@example.ch');
    expect(eventsOfType('swissid-link-banner-error')).to.deep.equal([]);
    expect(eventsOfType('swissid-link-banner-linked')).to.have.length(1);
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub).to.be.a('string');
  });

  it('linked to another SwissID meanwhile (409): says so, offers no retry, and names no SwissID as linked', async () => {
    frame = await offered(POST_LOGINS.peter);
    await proveSwissId(frame, ACCOUNTS.marc);
    // Another tab linked Peter meanwhile, to another SwissID.
    await executeServerCommand('backend-link', { email: POST_LOGINS.peter.email, swissidSub: 'another-swissid' });
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => eventsOfType('swissid-link-banner-error').length > 0, 'the error');
    expect(eventsOfType('swissid-link-banner-error')[0].code).to.equal('already_linked');
    expect((eventsOfType('swissid-link-banner-error')[0] as unknown as { diagnostic: string }).diagnostic).to.equal('HTTP conflict (409) already_linked');
    expect(bannerText(frame)).to.contain('Ihr Kundenlogin Post ist bereits mit einer SwissID verknüpft');
    expect(bannerText(frame)).not.to.contain('marc.keller@example.ch');
    expect(eventsOfType('swissid-link-banner-linked')).to.deep.equal([]);
    expect(Boolean(bannerPart(frame, 'retry-button')), 'no retry').to.equal(false);
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub).to.equal('another-swissid');
    await assertAccessible(banner(frame));
  });

  it('a logout in another tab while the API links: the late answer does not bring the banner back', async () => {
    frame = await offered(POST_LOGINS.peter);
    await proveSwissId(frame, ACCOUNTS.marc);
    await executeServerCommand('api-fault', { method: 'POST', path: '/link', fault: 'delay', ms: 1500 });
    bannerPart(frame, 'confirm-button')!.click();
    await waitFor(() => bannerText(frame!).includes('Ihre Konten werden verknüpft'), 'linking');
    expect(bannerPart(frame, 'cancel-button')!.getAttribute('aria-disabled')).to.equal('true');
    bannerPart(frame, 'cancel-button')!.click();
    await banner(frame).updateComplete;
    expect(bannerText(frame), 'cancelling waits for the answer').to.contain('Ihre Konten werden verknüpft');

    signOutInAnotherTab();
    await frame.waitForStatus('signed-out');
    await waitFor(() => banner(frame!).shadowRoot!.childElementCount === 0, 'the banner hidden');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the held answer has come meanwhile
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub, 'the API linked, as confirmed').to.be.a('string');
    expect(banner(frame).shadowRoot!.childElementCount, 'nothing shown on the signed-out page').to.equal(0);
    expect(eventsOfType('swissid-link-banner-linked')).to.deep.equal([]);
  });

  it('back from SwissID while the link status cannot be loaded: says so and offers to try again', async () => {
    frame = await offered(POST_LOGINS.peter);
    await executeServerCommand('api-fault', { method: 'GET', path: '/link-status', fault: 'status-500', times: 5 });
    bannerPart(frame, 'start-button')!.click();
    await executeServerCommand('provider-sign-in', ACCOUNTS.marc);
    await waitFor(() => eventsOfType('swissid-link-banner-error').length > 0, 'the error');
    expect(eventsOfType('swissid-link-banner-error')[0].code).to.equal('unreachable');
    // Developers read what failed: the API's answer.
    expect((eventsOfType('swissid-link-banner-error')[0] as unknown as { diagnostic: string }).diagnostic).to.equal('HTTP server (500)');
    expect(bannerText(frame)).to.contain('Die Verknüpfung ist im Moment nicht möglich');
    expect(Boolean(bannerPart(frame, 'confirm-button')), 'no confirmation over an empty list').to.equal(false);
    expect(bannerPart(frame, 'retry-button')).to.exist;
    expect((await linkStatus(POST_LOGINS.peter.email)).swissidSub).to.equal(null);
    await assertAccessible(banner(frame));
  });
});
