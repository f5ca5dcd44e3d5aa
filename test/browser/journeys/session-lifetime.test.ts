import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  AppFrame,
  assertAccessible,
  clearStorage,
  eventsOfType,
  fixtureConfig,
  part,
  signInWithRedirect,
  signOutInAnotherTab,
  storedSessions,
  visibleText,
  waitFor,
} from '../support.js';

/**
 * The `post-login-short` client gets access tokens that live 8 seconds, so renewal (refresh token, rotated by the
 * provider) and its failure happen while the test watches.
 */
function storedAccessToken(frame: AppFrame): string | null {
  const key = storedSessions(frame)[0];
  return key ? (JSON.parse(frame.window.localStorage.getItem(key)!).tokens.accessToken as string) : null;
}

describe('session lifetime: renewal before expiry, expiry when renewal fails', () => {
  const frames: AppFrame[] = [];
  beforeEach(clearStorage);
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  async function signedIn(): Promise<AppFrame> {
    const frame = await AppFrame.open(await fixtureConfig({ 'client-id': 'post-login-short' }));
    frames.push(frame);
    await signInWithRedirect(frame);
    await frame.waitForStatus('signed-in');
    return frame;
  }

  it('renews the tokens before they expire, once for all tabs', async () => {
    const first = await signedIn();
    const second = await AppFrame.open(await fixtureConfig({ 'client-id': 'post-login-short' }), { clearEvents: false });
    frames.push(second);
    await second.waitForStatus('signed-in');
    const initial = storedAccessToken(first)!;

    // Two renewal rounds: with a rotating refresh token, two tabs renewing on their own would lock one out.
    const renewed = await waitFor(() => storedAccessToken(first) !== initial && storedAccessToken(first), 'a renewal', 12_000);
    await waitFor(() => storedAccessToken(first) !== renewed, 'a second renewal', 12_000);
    expect(first.element().status).to.equal('signed-in');
    expect(second.element().status).to.equal('signed-in');
    expect(eventsOfType('post-login-session-expired')).to.deep.equal([]);
    expect(await second.element().getAccessToken()).to.equal(storedAccessToken(first));
  });

  it('shows "session expired, sign in again" and tells the host when the renewal is refused', async () => {
    const frame = await signedIn();
    await executeServerCommand('backend-revoke-refresh-tokens');
    const element = await frame.waitForStatus('expired', 15_000);
    expect(part(element, 'message')!.textContent).to.contain('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
    expect(eventsOfType('post-login-session-expired')).to.have.length(1);
    expect(storedSessions(frame)).to.deep.equal([]);
    expect(visibleText(element)).to.contain('Login mit SwissID');
    await assertAccessible(element);
    let failure: unknown = null;
    await element.getAccessToken().catch((error: unknown) => (failure = error));
    expect((failure as { code?: string })?.code).to.equal('signed_out');
  });

  it('a renewal the provider answers after a logout in another tab does not bring the session back', async () => {
    const frame = await AppFrame.open(await fixtureConfig());
    frames.push(frame);
    await signInWithRedirect(frame);
    const element = await frame.waitForStatus('signed-in');
    // The refresh reaches the real provider, which rotates the refresh token; only its answer is held in the page.
    const page = frame.window as Window & typeof globalThis;
    const fetchOfPage = page.fetch.bind(page);
    let answered!: () => void;
    let release!: () => void;
    const providerAnswered = new Promise<void>((resolve) => (answered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    page.fetch = async (input, init) => {
      const response = await fetchOfPage(input, init);
      if (String(init?.body ?? '').includes('grant_type=refresh_token')) {
        answered();
        await released;
      }
      return response;
    };
    let failure: unknown = null;
    const renewal = element.getAccessToken({ renew: true }).catch((error: unknown) => (failure = error));
    await providerAnswered;

    signOutInAnotherTab();
    await frame.waitForStatus('signed-out');
    release();
    await renewal;
    expect((failure as { code?: string })?.code, 'no token after the logout').to.equal('signed_out');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(storedSessions(frame), 'nothing stored again').to.deep.equal([]);
    expect(element.status).to.equal('signed-out');
    await frame.reload();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frame.element().status, 'still signed out after a reload').to.equal('signed-out');
  });
});
