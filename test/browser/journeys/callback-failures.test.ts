import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  ACCOUNTS,
  AppFrame,
  assertAccessible,
  assertNoTokenLeak,
  issuedTokens,
  clearStorage,
  eventsOfType,
  fixtureConfig,
  part,
  signInWithRedirect,
  storedSessions,
  visibleText,
  waitFor,
} from '../support.js';

/**
 * Each fault is made by the real provider's answer being altered on its way out (test/support: the tamper
 * middleware in front of oidc-provider), so the widget sees exactly what an attacker or a broken provider would send.
 */
const now = () => Math.floor(Date.now() / 1000);

const responseInvalid = 'Die Antwort von SwissID konnte nicht überprüft werden';
const tokenInvalid = 'Ihre Anmeldung konnte nicht sicher bestätigt werden';

/** `diagnostic`: what the error event tells the page's developers besides the code (which check failed). */
const cases: Array<{ name: string; tamper: () => object; code: string; message: string; diagnostic?: string }> = [
  { name: 'missing RFC 9207 iss parameter', tamper: () => ({ authResponse: { iss: null } }), code: 'response_invalid', message: responseInvalid },
  { name: 'wrong iss parameter', tamper: () => ({ authResponse: { iss: 'http://localhost:4999' } }), code: 'response_invalid', message: responseInvalid, diagnostic: 'response_invalid: iss' },
  { name: 'tampered state', tamper: () => ({ authResponse: { state: 'forged-state' } }), code: 'response_invalid', message: responseInvalid },
  { name: 'missing state', tamper: () => ({ authResponse: { state: null } }), code: 'response_invalid', message: responseInvalid },
  { name: 'ID token for another client (aud)', tamper: () => ({ idToken: { claims: { aud: 'someone-else' } } }), code: 'id_token_invalid', message: tokenInvalid },
  { name: 'ID token with a foreign azp', tamper: () => ({ idToken: { claims: { aud: ['post-login-test', 'other'], azp: 'other' } } }), code: 'id_token_invalid', message: tokenInvalid, diagnostic: 'id_token_invalid: azp mismatch' },
  { name: 'expired ID token', tamper: () => ({ idToken: { claims: { exp: now() - 3600, iat: now() - 7200 } } }), code: 'id_token_invalid', message: tokenInvalid, diagnostic: 'id_token_invalid: ERR_JWT_EXPIRED' },
  { name: 'ID token issued in the future (iat)', tamper: () => ({ idToken: { claims: { iat: now() + 3600 } } }), code: 'id_token_invalid', message: tokenInvalid },
  { name: 'ID token with a wrong nonce', tamper: () => ({ idToken: { claims: { nonce: 'replayed-nonce' } } }), code: 'id_token_invalid', message: tokenInvalid },
  { name: 'ID token from another issuer', tamper: () => ({ idToken: { claims: { iss: 'http://localhost:4999' } } }), code: 'id_token_invalid', message: tokenInvalid },
  { name: 'ID token signed with a foreign key', tamper: () => ({ idToken: { signature: 'foreign-key' } }), code: 'id_token_invalid', message: tokenInvalid },
  { name: 'ID token with a corrupted signature', tamper: () => ({ idToken: { signature: 'corrupt' } }), code: 'id_token_invalid', message: tokenInvalid },
];

describe('a sign-in response that fails a check is an error, never a session', () => {
  let frame: AppFrame | null = null;
  beforeEach(clearStorage);
  afterEach(async () => {
    frame?.remove();
    await executeServerCommand('backend-clear-tamper');
  });

  for (const { name, tamper, code, message, diagnostic } of cases) {
    it(`refuses: ${name}`, async () => {
      const started = Date.now();
      await executeServerCommand('backend-tamper', tamper());
      frame = await AppFrame.open(await fixtureConfig());
      await signInWithRedirect(frame);
      const element = await waitFor(
        () => frame!.href().startsWith(location.origin) && eventsOfType('post-login-error').length > 0 && frame!.element(),
        'the error',
      );
      expect(element.status).to.equal('signed-out');
      expect(part(element, 'message')!.textContent).to.contain(message);
      expect(eventsOfType('post-login-error').map((event) => event.code)).to.deep.equal([code]);
      const { diagnostic: told } = eventsOfType('post-login-error')[0] as unknown as { diagnostic: string };
      if (diagnostic) expect(told).to.equal(diagnostic);
      else expect(told.startsWith(code)).to.equal(true);
      expect(eventsOfType('post-login-sign-in')).to.deep.equal([]);
      expect(storedSessions(frame)).to.deep.equal([]);
      expect([...new URL(frame.href()).searchParams.keys()]).to.deep.equal([]);
      // Whatever the provider issued for this refused response (the code, and tokens if it was redeemed) is nowhere.
      assertNoTokenLeak(frame, await issuedTokens(started));
      expect(Object.keys(frame.window.localStorage).filter((key) => key.startsWith('post-login:request:')), 'no pending request left').to.deep.equal([]);
      await assertAccessible(element);

      // "Try again" starts a fresh sign-in; the provider still has the customer's session (single sign-on), so it
      // answers at once, and correctly this time.
      await executeServerCommand('backend-clear-tamper');
      part(element, 'retry-button')!.click();
      await frame.waitForStatus('signed-in');
    });
  }

  it('the customer cancels on the provider page: a calm message, no session', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    part(await frame.ready(), 'sign-in-button')!.click();
    await executeServerCommand('provider-sign-in', { ...ACCOUNTS.anna, cancel: true });
    const element = await waitFor(() => eventsOfType('post-login-error').length > 0 && frame!.element(), 'the error');
    expect(eventsOfType('post-login-error')[0].code).to.equal('cancelled');
    expect(visibleText(element)).to.contain('Die Anmeldung wurde abgebrochen');
    expect(storedSessions(frame)).to.deep.equal([]);
  });

  it('the provider is down: says so within seconds and offers to try again', async () => {
    frame = await AppFrame.open(await fixtureConfig({ authority: 'http://localhost:4199' }));
    const element = await frame.ready();
    part(element, 'sign-in-button')!.click();
    await waitFor(() => eventsOfType('post-login-error').length > 0, 'the error', 10_000);
    expect(eventsOfType('post-login-error')[0].code).to.equal('provider_unreachable');
    expect(visibleText(element)).to.contain('SwissID ist im Moment nicht erreichbar');
    expect(part(element, 'retry-button')).to.exist;
    expect(frame.href()).to.contain('/test/fixtures/app.html');
  });

  it('a response arriving for a sign-in this browser never started is refused', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    frame.window.location.href = `/test/fixtures/app.html?code=stolen-code&state=unknown-state&iss=${encodeURIComponent(
      (await fixtureConfig()).authority,
    )}`;
    const element = await waitFor(() => eventsOfType('post-login-error').length > 0 && frame!.element(), 'the error');
    expect(eventsOfType('post-login-error')[0].code).to.equal('response_invalid');
    expect(visibleText(element)).to.contain(responseInvalid);
    expect(frame.href()).not.to.contain('stolen-code');
  });
});
