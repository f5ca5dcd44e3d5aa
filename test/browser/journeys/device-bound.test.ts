import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ADDRESS_IDS, typeInto } from '../address-picker-support.js';
import {
  ACCOUNTS,
  AppFrame,
  backendUrls,
  clearStorage,
  eventsOfType,
  fixtureConfig,
  part,
  signInWithRedirect,
  waitFor,
} from '../support.js';

/**
 * Tokens bound to this browser (DPoP) and nothing left behind, against the real providers, API and database: what an
 * attacker gets from a copied token, what stays in web storage after a logout, a customer switch in another tab, and a
 * logout the customer did not ask for.
 */
const CLIENT = 'post-login-test';

interface StoredSession {
  profile: { sub: string; email: string };
  tokens: { accessToken: string; refreshToken: string; idToken: string };
}

function storedSession(frame: AppFrame, provider: string): StoredSession {
  return JSON.parse(frame.window.localStorage.getItem(`post-login:session:${provider}|${CLIENT}`)!) as StoredSession;
}

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A DPoP proof for GET `url` signed by a key of the attacker's own (a browser that never had the customer's key). */
async function proofOfAnotherKey(url: string, accessToken: string): Promise<string> {
  const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const json = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
  const ath = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)));
  const signed = `${json({ alg: 'ES256', typ: 'dpop+jwt', jwk: { kty, crv, x, y } })}.${json({
    jti: crypto.randomUUID(),
    htm: 'GET',
    htu: url,
    iat: Math.floor(Date.now() / 1000),
    ath,
  })}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(signed));
  return `${signed}.${base64url(signature)}`;
}

/** What another tab of this browser does to the origin's storage (the open pages hear a `storage` event). */
function inAnotherTab(change: (storage: Storage) => void): void {
  const otherTab = document.createElement('iframe');
  document.body.append(otherTab);
  change(otherTab.contentWindow!.localStorage);
  otherTab.remove();
}

/** The client ids that have a DPoP key in this origin's IndexedDB (oidc-client-ts's store). */
function dpopKeys(frame: AppFrame): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const request = frame.window.indexedDB.open('oidc');
    request.onupgradeneeded = () => request.result.createObjectStore('dpop');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const keys = request.result.transaction('dpop', 'readonly').objectStore('dpop').getAllKeys();
      keys.onsuccess = () => {
        request.result.close();
        resolve(keys.result.map(String));
      };
    };
  });
}

describe('tokens bound to this browser, and nothing left behind', () => {
  let frame: AppFrame | null = null;
  beforeEach(clearStorage);
  afterEach(() => {
    frame?.remove();
    frame = null;
  });

  it('a token copied out of the browser is refused by the account API and the token endpoint', async () => {
    const { swissid, api } = await backendUrls();
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, ACCOUNTS.anna);
    const element = await frame.waitForStatus('signed-in');
    const { tokens } = storedSession(frame, swissid);

    // From a server, as an attacker who copied both tokens: as a bearer token, with a key of their own, and the
    // refresh token at SwissID's token endpoint with and without a proof.
    const stolen = (await executeServerCommand('try-stolen-tokens', { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, clientId: CLIENT })) as {
      meBearer: number;
      meOtherKey: number;
      refreshOtherKey: { status: number; error: string };
      refreshNoProof: { status: number; error: string };
    };
    expect(stolen).to.deep.equal({
      meBearer: 401,
      meOtherKey: 401,
      refreshOtherKey: { status: 400, error: 'invalid_grant' },
      refreshNoProof: { status: 400, error: 'invalid_grant' },
    });
    // From another browser, which has its own key but not the customer's.
    const me = `${api}/me`;
    const other = await fetch(me, { headers: { Authorization: `DPoP ${tokens.accessToken}`, DPoP: await proofOfAnotherKey(me, tokens.accessToken) } });
    expect(other.status).to.equal(401);

    // The customer's own browser goes on: the API answers it, and the session renews with its key.
    expect((await fetch(me, { headers: await element.getAuthorization('GET', me) })).status).to.equal(200);
    await element.getAccessToken({ renew: true });
    expect(storedSession(frame, swissid).tokens.refreshToken).not.to.equal(tokens.refreshToken);
  });

  it('after a logout nothing of the customer is left in web storage: no session, key, request, draft or hint', async function () {
    this.timeout(60_000);
    const { swissid } = await backendUrls();
    sessionStorage.setItem('fixture:picker-config', JSON.stringify({ name: 'address', value: ADDRESS_IDS.kellerAarau }));
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, ACCOUNTS.marc);
    const element = await frame.waitForStatus('signed-in');
    const { profile, tokens } = storedSession(frame, swissid);
    expect(await dpopKeys(frame)).to.include(CLIENT);
    // An edit in progress waits in this tab's storage.
    const picker = frame.iframe.contentDocument!.querySelector('address-picker')!;
    await waitFor(() => part(picker, 'edit-button'), 'the addresses');
    part(picker, 'edit-button')!.click();
    await picker.updateComplete;
    await typeInto(picker, 'coName', 'Lager Bern');
    const storage = () => ({ ...frame!.window.localStorage, ...frame!.window.sessionStorage }) as Record<string, string>;
    expect(Object.keys(storage()).some((key) => key.startsWith('post-login:customer:'))).to.equal(true);

    const old = frame.iframe.contentDocument;
    void element.signOut();
    await waitFor(() => frame!.iframe.contentDocument !== old && frame!.element().status === 'signed-out', 'back from the logout');
    // (The test's own event log, under `fixture:`, is the host page's business, not the widget's.)
    const left = Object.fromEntries(Object.entries(storage()).filter(([key]) => !key.startsWith('fixture:')));
    const personal = [profile.sub, profile.email, tokens.accessToken, tokens.refreshToken, tokens.idToken];
    for (const [key, value] of Object.entries(left)) {
      for (const secret of personal) expect(`${key}=${value}`, key).not.to.contain(secret);
    }
    const kept = Object.keys(left).filter((key) => /^post-login:(session|request|customer|logout-hint):/.test(key));
    expect(kept, 'sessions, pending requests, drafts, hints').to.deep.equal([]);
    expect(await dpopKeys(frame), 'the key').not.to.include(CLIENT);
  });

  it('another customer signing in in another tab reaches this one as a sign-out, then a sign-in, and the picker follows', async function () {
    this.timeout(60_000);
    const { swissid } = await backendUrls();
    const key = `post-login:session:${swissid}|${CLIENT}`;
    sessionStorage.setItem('fixture:picker-config', JSON.stringify({ name: 'address', value: ADDRESS_IDS.anna }));
    frame = await AppFrame.open(await fixtureConfig());
    // Lea's session as another tab of this browser will write it (her tokens, bound to this browser's key).
    await signInWithRedirect(frame, ACCOUNTS.lea);
    await frame.waitForStatus('signed-in');
    const lea = frame.window.localStorage.getItem(key)!;
    inAnotherTab((storage) => storage.removeItem(key));
    await frame.waitForStatus('signed-out');
    await executeServerCommand('browser-clear-cookies');
    // Here: Anna, editing her address.
    await signInWithRedirect(frame, ACCOUNTS.anna);
    await frame.waitForStatus('signed-in');
    const picker = frame.iframe.contentDocument!.querySelector('address-picker')!;
    await waitFor(() => part(picker, 'edit-button'), 'Anna’s address');
    part(picker, 'edit-button')!.click();
    await picker.updateComplete;
    await typeInto(picker, 'coName', 'Anna’s edit');
    const before = { outs: eventsOfType('post-login-sign-out').length, ins: eventsOfType('post-login-sign-in').length };

    // Another tab: Lea signs in there.
    inAnotherTab((storage) => storage.setItem(key, lea));
    await waitFor(() => frame!.element().profile?.name === 'Lea Rossi', 'Lea here too');
    expect(eventsOfType('post-login-sign-out').slice(before.outs).map((event) => event.reason)).to.deep.equal(['other-tab']);
    const ins = eventsOfType('post-login-sign-in').slice(before.ins);
    expect(ins.map((event) => [event.via, (event.profile as { name: string }).name])).to.deep.equal([['other-tab', 'Lea Rossi']]);
    // The picker dropped Anna's edit and shows Lea's company's addresses, loaded with Lea's token.
    await waitFor(() => picker.shadowRoot!.textContent!.includes('Keller Logistik AG'), 'Lea’s addresses');
    expect(part(picker, 'form'), 'no edit of Anna’s').to.equal(null);
    expect(Object.keys(frame.window.sessionStorage).filter((name) => name.startsWith('post-login:customer:'))).to.deep.equal([]);
  });

  it('a logout without the ID token as hint is not done without asking the customer', async () => {
    const { swissid } = await backendUrls();
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, ACCOUNTS.anna);
    await frame.waitForStatus('signed-in');
    // Another site sends the browser to SwissID's logout address, as a link or a redirect would.
    frame.window.location.href = `${swissid}/session/end?client_id=${CLIENT}`;
    const asked = (await executeServerCommand('provider-page', { provider: 'swissid' })) as { confirm: boolean; cancel: boolean; scripts: string[] };
    expect(asked).to.deep.equal({ confirm: true, cancel: true, scripts: [] });
  });
});
